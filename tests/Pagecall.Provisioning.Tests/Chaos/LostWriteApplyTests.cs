using Pagecall.Emulator;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Tests.Http;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>
/// Single lost writes of updates and deletes, applied through the resilient client: the client sends them
/// again, and the applier must count the outcome as done.
/// </summary>
public sealed class LostWriteApplyTests
{
    private const string Users = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
          - { user_id: bob, name: Bob }

        """;

    private const string Before = Users + """
        rooms:
          - name: Lab
            type: private
            members:
              - { user_id: ann, type: host }
              - { user_id: bob, type: guest }
        """;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task LostMemberDeleteCountsAsDone()
    {
        const string after = Users + """
            rooms:
              - name: Lab
                type: private
                members:
                  - { user_id: ann, type: host }
            """;

        // Every write commits and then gets 500. The client sends the DELETE again, which gets 404.
        var (result, statuses) = await ApplyChangeAsync(after, new FaultOptions { Seed = 5, LostWriteRate = 1 });

        Assert.Equal(0, result.Failed);
        Assert.Equal(1, result.Succeeded);
        Assert.Equal([500, 404], statuses["DELETE"]);
    }

    [Fact]
    public async Task LostRenameSentAgain()
    {
        const string after = Users + """
            rooms:
              - name: Lab 2
                renamed_from: Lab
                type: private
                members:
                  - { user_id: ann, type: host }
                  - { user_id: bob, type: guest }
            """;
        var faults = new FaultOptions { Seed = FaultSeeds.FindLostWrites(0.5, true, false), LostWriteRate = 0.5 };

        var (result, statuses) = await ApplyChangeAsync(after, faults);

        Assert.Equal(0, result.Failed);
        Assert.Equal(1, result.Succeeded);
        Assert.Equal([500, 200], statuses["PUT"]);
    }

    [Theory]
    [InlineData(LostWriteMode.Status)]
    [InlineData(LostWriteMode.Drop)]
    public async Task LostMemberAddNotDuplicated(LostWriteMode mode)
    {
        // Before, with the user cat declared and added to Lab as a monitor.
        var after = Before.Replace("rooms:", "  - { user_id: cat, name: Cat }\nrooms:", StringComparison.Ordinal)
            + "\n      - { user_id: cat, type: monitor }\n";

        // Every write commits and then loses its response. The applier must find the user and the member by a
        // lookup instead of sending either POST again.
        var (result, statuses) = await ApplyChangeAsync(
            after, new FaultOptions { Seed = 5, LostWriteRate = 1, LostWriteMode = mode });

        Assert.Equal(0, result.Failed);
        Assert.Equal(2, result.Succeeded);
        Assert.Equal(2, statuses["POST"].Count);
        var member = Assert.Single(result.Outcomes, outcome => outcome.Change.Kind == ResourceKind.Member);
        Assert.Equal("room[\"Lab\"].member[\"cat\"]", member.Change.Address);
        Assert.Equal("Found after a lost response; not added twice.", member.Message);
    }

    /// <summary>
    /// Applies <see cref="Before"/> without faults, then plans <paramref name="after"/>, turns on
    /// <paramref name="faults"/> and applies it. Checks that a fault-free plan afterwards is empty, and returns
    /// the apply result and the statuses of the apply's requests by method.
    /// </summary>
    private static async Task<(ApplyResult Result, Dictionary<string, List<int?>> Statuses)> ApplyChangeAsync(
        string after, FaultOptions faults)
    {
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxConcurrency = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(2);
        });
        var reader = new LiveWorkspaceReader(harness.Client);
        var applier = new Applier(harness.Client);
        var options = new ApplyOptions { Parallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(2) };
        var before = Load(Before);
        var empty = await reader.ReadAsync(before.Manifest!, Token);
        var setup = await applier.ApplyAsync(Plan(before, empty), empty, options, cancellationToken: Token);
        Assert.Equal(0, setup.Failed);

        var changed = Load(after);
        var live = await reader.ReadAsync(changed.Manifest!, Token);
        var plan = Plan(changed, live);
        await harness.ServerLog.SettleAsync();
        harness.ServerLog.Reset();
        harness.Emulator.Faults = faults;
        var result = await applier.ApplyAsync(plan, live, options, cancellationToken: Token);
        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.Requests
            .GroupBy(request => request.Method)
            .ToDictionary(group => group.Key, group => group.Select(request => request.StatusCode).ToList());

        harness.Emulator.Faults = new FaultOptions();
        var final = await new LiveWorkspaceReader(harness.CreateCheckingClient()).ReadAsync(changed.Manifest!, Token);
        Assert.False(Plan(changed, final).Summary.HasChanges);
        return (result, statuses);
    }

    private static ManifestLoadResult Load(string yaml)
    {
        var loaded = ManifestLoader.Parse(yaml, "workspace.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded;
    }

    private static Plan Plan(ManifestLoadResult loaded, LiveWorkspace live)
    {
        var planned = Planner.Compute(loaded, live);
        Assert.True(planned.Succeeded, string.Join(Environment.NewLine, planned.Errors));
        return planned.Plan!;
    }
}
