using System.Diagnostics;
using System.Text.RegularExpressions;
using Pagecall.Emulator;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Tests.Http;
using Pagecall.Provisioning.Tests.Manifest;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>
/// Applies whole manifests through the resilient client while the emulator injects faults, then checks with a
/// fault-free client that the workspace converged without duplicates.
/// </summary>
/// <remarks>
/// Traffic is sequential (one change at a time, one request in flight), because the emulator draws faults in
/// arrival order. With a fixed seed, every run sends the same sequence of methods and paths with the same
/// statuses. NOTE: the applier starts the changes of one kind (users, rooms, members) in no fixed order, even at
/// parallelism 1, so two runs can fail different rooms or members. The checks here hold for any order.
/// </remarks>
public sealed partial class ChaosTests(ITestOutputHelper output)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Seed 81 loses the responses of two room creates in the tutoring sample, the case most likely to leave a
    // duplicate room behind.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(81)]
    public async Task TutoringSampleConverges(int seed)
    {
        var loaded = LoadTutoringSample();

        var run = await ConvergeAsync(loaded, seed);

        Assert.InRange(run.Applies, 1, 2);
        Assert.Equal(0, run.FailedChanges);
        Assert.Equal(20, run.Users);
        Assert.Equal(10, run.Rooms);
        Assert.Equal(26, run.Members);
    }

    [Fact]
    public async Task LostRoomCreatesNotDuplicated()
    {
        var run = await ConvergeAsync(LoadTutoringSample(), seed: 81);

        Assert.Equal(2, run.LostWrites.Count(write => write == "POST /v1/rooms"));
        Assert.Equal(10, run.Rooms);
    }

    [Fact]
    public async Task SameSeedSameRequests()
    {
        var first = await ConvergeAsync(LoadTutoringSample(), seed: 81);
        var second = await ConvergeAsync(LoadTutoringSample(), seed: 81);

        // Room and member ids are random, so paths are compared with each id replaced by a placeholder.
        Assert.Equal(WithoutIds(first.Requests), WithoutIds(second.Requests));
        Assert.Equal(first.LostWrites.Select(WithoutIds), second.LostWrites.Select(WithoutIds));
    }

    [Fact]
    public async Task LargeWorkspaceConverges()
    {
        var loaded = Parse(GeneratedManifest.Yaml(500, 100, 5));

        var run = await ConvergeAsync(loaded, seed: 20261204);

        Assert.InRange(run.Applies, 1, 2);
        Assert.Equal(0, run.FailedChanges);
        Assert.Equal(500, run.Users);
        Assert.Equal(100, run.Rooms);
        Assert.Equal(500, run.Members);
    }

    [Fact]
    public async Task LargeWorkspaceChangeConverges()
    {
        var original = Parse(GeneratedManifest.Yaml(500, 100, 5));
        var changed = Parse(GeneratedManifest.Yaml(500, 100, 5, changed: true));

        var run = await ConvergeAsync(changed, seed: 4242, setup: original);

        Assert.InRange(run.Applies, 1, 2);
        Assert.Equal(500, run.Users);
        Assert.Equal(100, run.Rooms);
        Assert.Equal(500, run.Members);
        Assert.Equal(0, run.FailedChanges);

        // Which writes lose their responses depends on the order the applier starts the changes of one kind,
        // which it does not fix, so only the presence of lost writes is checked. LostWriteApplyTests covers a
        // lost PUT and a lost DELETE exactly.
        Assert.NotEmpty(run.LostWrites);
    }

    private static ManifestLoadResult LoadTutoringSample()
    {
        var loaded = ManifestLoader.Load(RepositoryFiles.PathOf("samples/tutoring/workspace.yaml"));
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded;
    }

    private static ManifestLoadResult Parse(string yaml)
    {
        var loaded = ManifestLoader.Parse(yaml, "generated.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded;
    }

    /// <summary>
    /// Plans and applies under faults until a plan has no changes, at most twice, and then checks the workspace
    /// without faults: the plan is still empty, and no room, user or member exists twice. A
    /// <paramref name="setup"/> manifest is applied first, without faults.
    /// </summary>
    private async Task<ChaosRun> ConvergeAsync(ManifestLoadResult loaded, int seed, ManifestLoadResult? setup = null)
    {
        var started = Stopwatch.GetTimestamp();
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxConcurrency = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(2);

            // Caps each Retry-After wait too, so the 1-second waits of the injected 429s and 503s stay short.
            // The Http tests check the full wait.
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
        });
        var manifest = loaded.Manifest!;
        var reader = new LiveWorkspaceReader(harness.Client);
        var applier = new Applier(harness.Client);
        var applyOptions = new ApplyOptions { Parallelism = 1, RetryBaseDelay = TimeSpan.FromMilliseconds(2) };
        if (setup is not null)
        {
            var before = await reader.ReadAsync(setup.Manifest!, Token);
            var setupPlan = Planner.Compute(setup, before);
            Assert.True(setupPlan.Succeeded, string.Join(Environment.NewLine, setupPlan.Errors));
            var setupResult = await applier.ApplyAsync(setupPlan.Plan!, before, applyOptions, cancellationToken: Token);
            Assert.Equal(0, setupResult.Failed);
            await harness.ServerLog.SettleAsync();
            harness.ServerLog.Reset();
        }

        harness.Emulator.Faults = ChaosFaults.Mix(seed);

        var applies = 0;
        var failedChanges = 0;
        while (true)
        {
            var live = await reader.ReadAsync(manifest, Token);
            var planned = Planner.Compute(loaded, live);
            Assert.True(planned.Succeeded, string.Join(Environment.NewLine, planned.Errors));
            var plan = planned.Plan!;
            if (!plan.Summary.HasChanges)
            {
                break;
            }

            Assert.True(applies < 2, $"Two applies under faults left changes: {plan.Summary}. First: {plan.Changes.First(change => change.Action != ChangeAction.NoOp).Address}.");
            applies++;
            var result = await applier.ApplyAsync(plan, live, applyOptions, cancellationToken: Token);
            Assert.False(result.IsBlocked);
            failedChanges += result.Failed;
            output.WriteLine($"Apply {applies}: {result.Succeeded} succeeded, {result.Failed} failed, {result.Skipped} skipped.");
            foreach (var failure in result.Outcomes.Where(outcome => outcome.Status == ChangeStatus.Failed))
            {
                output.WriteLine($"  failed {failure.Change.Address}: {failure.Message}");
            }
        }

        harness.Emulator.Faults = new FaultOptions();
        var checkingReader = new LiveWorkspaceReader(harness.CreateCheckingClient());
        var final = await checkingReader.ReadAsync(manifest, Token);
        var replanned = Planner.Compute(loaded, final);
        Assert.True(replanned.Succeeded, string.Join(Environment.NewLine, replanned.Errors));
        Assert.False(replanned.Plan!.Summary.HasChanges, $"The fault-free plan still has changes: {replanned.Plan.Summary}.");

        var users = await checkingReader.ReadUsersAsync(Token);
        var rooms = await checkingReader.ReadRoomsAsync(Token);
        Assert.Empty(Repeated(users.Select(user => user.UserId)));
        Assert.Empty(Repeated(rooms.Select(room => room.Name)));
        var members = 0;
        foreach (var room in rooms)
        {
            var roomMembers = await checkingReader.ReadMembersAsync(room.Id, Token);
            Assert.Empty(Repeated(roomMembers.Select(member => member.UserId)));
            members += roomMembers.Count;
        }

        await harness.ServerLog.SettleAsync();
        var requests = harness.ServerLog.Requests;
        var lostWrites = harness.ServerLog.LostWrites;
        var elapsed = Stopwatch.GetElapsedTime(started);
        output.WriteLine(
            $"Seed {seed}: {applies} applies, {requests.Count} requests, "
            + $"{requests.Count(request => request.StatusCode == 429)} answered 429, "
            + $"{requests.Count(request => request.StatusCode >= 500)} answered 5xx, "
            + $"{lostWrites.Count} lost writes ({string.Join(", ", lostWrites)}), {elapsed.TotalSeconds:F1} s.");
        return new ChaosRun(applies, failedChanges, users.Count, rooms.Count, members, requests, lostWrites);
    }

    private static List<string> WithoutIds(IEnumerable<EmulatorRequest> requests) =>
        requests.Select(request => $"{request.Method} {WithoutIds(request.Path)} {request.StatusCode}").ToList();

    private static string WithoutIds(string path) => ObjectId().Replace(path, "{id}");

    [GeneratedRegex("[0-9a-f]{24}")]
    private static partial Regex ObjectId();

    private static List<string> Repeated(IEnumerable<string> values) =>
        values.GroupBy(value => value, StringComparer.Ordinal)
            .Where(group => group.Count() > 1)
            .Select(group => group.Key)
            .ToList();

    private sealed record ChaosRun(
        int Applies,
        int FailedChanges,
        int Users,
        int Rooms,
        int Members,
        IReadOnlyList<EmulatorRequest> Requests,
        IReadOnlyList<string> LostWrites);
}
