using Pagecall.Emulator;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Tests.Http;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>
/// Requests that outlast the client's attempt timeout. The resilience pipeline raises its own timeout exception,
/// which the applier must treat as a request that may have been applied, not as an unexpected error.
/// </summary>
public sealed class TimeoutApplyTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TimedOutCreateFailsAsTimeout()
    {
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxConcurrency = 1;
            options.MaxRetries = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(2);
            options.RequestTimeout = TimeSpan.FromMilliseconds(250);
        });
        var (plan, live) = await PlanLabRoomAsync(harness);
        using var log = new Apply.LogSink();

        harness.Emulator.Faults = new FaultOptions { LatencyMinMilliseconds = 2000, LatencyMaxMilliseconds = 2000 };
        var result = await new Applier(harness.Client, log.CreateLogger<Applier>()).ApplyAsync(
            plan, live, new ApplyOptions { Parallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(2) },
            cancellationToken: Token);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Equal("The request timed out.", outcome.Message);
        Assert.DoesNotContain(log.Lines, line => line.Contains("unexpected error", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TimedOutCommittedCreateIsFound()
    {
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxConcurrency = 1;
            options.MaxRetries = 2;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(2);
            options.RequestTimeout = TimeSpan.FromSeconds(1);
        });
        var (plan, live) = await PlanLabRoomAsync(harness);

        // The create commits, and then the emulator sends no response, so the client's attempt timeout ends it.
        // The lookup that follows is a read, which gets its response as usual.
        harness.Emulator.Faults = new FaultOptions { Seed = 1, LostWriteRate = 1, LostWriteMode = LostWriteMode.Hang };
        var result = await new Applier(harness.Client).ApplyAsync(
            plan, live, new ApplyOptions { Parallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(2) },
            cancellationToken: Token);
        harness.Emulator.Faults = new FaultOptions();

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeStatus.Succeeded, outcome.Status);
        Assert.Equal("Found after a lost response; not created twice.", outcome.Message);
        Assert.Equal(["POST /v1/rooms"], harness.ServerLog.LostWrites);
        var rooms = await harness.CreateCheckingClient().ListRoomsAsync(cancellationToken: Token);
        Assert.Equal(["Lab"], rooms.Rooms.Select(room => room.Name));
    }

    /// <summary>Plans the creation of one private room, Lab, in the harness's empty workspace.</summary>
    private static async Task<(Plan Plan, LiveWorkspace Live)> PlanLabRoomAsync(ResilientClientHarness harness)
    {
        var loaded = ManifestLoader.Parse("version: 1\nrooms:\n  - { name: Lab, type: private }\n", "workspace.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));

        // The short attempt timeouts are meant for the apply only. A cold first request on a busy machine can take
        // longer, so the live read goes through the checking client, which has no timeout of its own.
        var live = await new LiveWorkspaceReader(harness.CreateCheckingClient()).ReadAsync(loaded.Manifest!, Token);
        var planned = Planner.Compute(loaded, live);
        Assert.True(planned.Succeeded, string.Join(Environment.NewLine, planned.Errors));
        return (planned.Plan!, live);
    }
}
