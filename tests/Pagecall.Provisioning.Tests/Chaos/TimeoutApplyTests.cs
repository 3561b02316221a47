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
        var loaded = ManifestLoader.Parse("version: 1\nrooms:\n  - { name: Lab, type: private }\n", "workspace.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        // The short attempt timeout is meant for the apply only. A cold first request on a busy machine can take
        // longer, so the live read goes through the checking client, which has no timeout of its own.
        var live = await new LiveWorkspaceReader(harness.CreateCheckingClient()).ReadAsync(loaded.Manifest!, Token);
        var planned = Planner.Compute(loaded, live);
        Assert.True(planned.Succeeded, string.Join(Environment.NewLine, planned.Errors));
        using var log = new Apply.LogSink();

        harness.Emulator.Faults = new FaultOptions { LatencyMinMilliseconds = 2000, LatencyMaxMilliseconds = 2000 };
        var result = await new Applier(harness.Client, log.CreateLogger<Applier>()).ApplyAsync(
            planned.Plan!, live, new ApplyOptions { Parallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(2) },
            cancellationToken: Token);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeStatus.Failed, outcome.Status);
        Assert.Equal("The request timed out.", outcome.Message);
        Assert.DoesNotContain(log.Lines, line => line.Contains("unexpected error", StringComparison.Ordinal));
    }
}
