using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Tests.Manifest;

namespace Pagecall.Provisioning.Tests.Apply;

public sealed class ApplierTests
{
    private const string Users = """
        version: 1
        users:
          - { user_id: ann, name: Ann, default_member_type: host }
          - { user_id: bob, name: Bob }
          - { user_id: cy, name: Cy }

        """;

    private static readonly ApplyOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task SampleFromEmptyConverges()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var yaml = await File.ReadAllTextAsync(
            RepositoryFiles.PathOf("samples/tutoring/workspace.yaml"), TestContext.Current.CancellationToken);

        var result = await harness.ApplyAsync(yaml, Fast);

        Assert.Equal(0, result.Failed);
        Assert.Equal(0, result.Skipped);
        Assert.Equal(20 + 10 + 26, result.Succeeded);
        var (replan, _) = await harness.PlanAsync(ApplyHarness.Load(yaml));
        Assert.False(replan.Summary.HasChanges, PlanTestDataDescribe(replan));
        var second = await harness.ApplyAsync(yaml, Fast);
        Assert.Empty(second.Outcomes);
    }

    [Fact]
    public async Task RoomCreateCarriesMembers()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var yaml = Users + """
            rooms:
              - name: Standup
                type: private
                members:
                  - { user_id: ann, type: host }
                  - { user_id: bob }
                  - { user_id: cy, type: monitor }

            """;

        var result = await harness.ApplyAsync(yaml, Fast);

        Assert.Equal(0, result.Failed);
        var lines = await harness.RequestLinesAsync();
        Assert.Single(lines, line => line.StartsWith("POST /v1/rooms ", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("POST /v1/rooms/", StringComparison.Ordinal));
        var room = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room);
        var members = await new LiveWorkspaceReader(harness.Client)
            .ReadMembersAsync(room.LiveId!, TestContext.Current.CancellationToken);
        Assert.Equal(
            ["ann:host", "bob:guest", "cy:monitor"],
            members.Select(member => $"{member.UserId}:{member.Type}").Order(StringComparer.Ordinal));
        Assert.All(
            result.Outcomes.Where(outcome => outcome.Change.Kind == ResourceKind.Member),
            outcome => Assert.Equal(ChangeStatus.Succeeded, outcome.Status));
    }

    [Fact]
    public async Task RenameUpdatesInPlace()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var before = await harness.ApplyAsync(Users + "rooms:\n  - { name: Old, type: public }\n", Fast);
        var roomId = before.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room).LiveId;
        var renamed = Users + "rooms:\n  - { name: New, renamed_from: Old, type: public }\n";

        var result = await harness.ApplyAsync(renamed, Fast);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeAction.Update, outcome.Change.Action);
        Assert.Equal(ChangeStatus.Succeeded, outcome.Status);
        Assert.Equal(roomId, outcome.LiveId);
        var room = (await harness.Client.GetRoomAsync(roomId!, TestContext.Current.CancellationToken)).Room;
        Assert.Equal("New", room.Name);
        var (replan, _) = await harness.PlanAsync(ApplyHarness.Load(renamed));
        Assert.False(replan.Summary.HasChanges);
    }

    [Fact]
    public async Task UserFieldsUpdateInPlace()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var first = await harness.ApplyAsync(Users, Fast);
        var bobId = first.Outcomes.Single(outcome => outcome.Change.Address == "user[\"bob\"]").LiveId;
        var changed = Users.Replace(
            "{ user_id: bob, name: Bob }",
            "{ user_id: bob, name: Robert, profile_url: \"https://example.com/bob.png\", default_member_type: monitor }",
            StringComparison.Ordinal);

        var result = await harness.ApplyAsync(changed, Fast);

        var outcome = Assert.Single(result.Outcomes);
        Assert.Equal(ChangeAction.Update, outcome.Change.Action);
        Assert.Equal(ChangeStatus.Succeeded, outcome.Status);
        Assert.Equal(bobId, outcome.LiveId);
        var bob = (await harness.Client.GetUserAsync("bob", TestContext.Current.CancellationToken)).User;
        Assert.Equal("Robert", bob.Name);
        Assert.Equal("https://example.com/bob.png", bob.ProfileUrl);
        Assert.Equal("monitor", bob.DefaultMemberType?.Value);
        var (replan, _) = await harness.PlanAsync(ApplyHarness.Load(changed));
        Assert.False(replan.Summary.HasChanges);
    }

    [Fact]
    public async Task MemberTypeChangeAndRemoval()
    {
        await using var harness = await ApplyHarness.StartAsync();
        await harness.ApplyAsync(Users + """
            rooms:
              - name: Class
                type: public
                members: [{ user_id: ann, type: host }, { user_id: bob }, { user_id: cy }]

            """, Fast);
        var changed = Users + """
            rooms:
              - name: Class
                type: public
                members: [{ user_id: ann, type: guest }, { user_id: bob }]

            """;

        var result = await harness.ApplyAsync(changed, Fast);

        Assert.Equal(
            ["Update room[\"Class\"].member[\"ann\"]", "Delete room[\"Class\"].member[\"cy\"]"],
            result.Outcomes.Select(outcome => $"{outcome.Change.Action} {outcome.Change.Address}"));
        Assert.Equal(2, result.Succeeded);
        var (replan, live) = await harness.PlanAsync(ApplyHarness.Load(changed));
        Assert.False(replan.Summary.HasChanges);
        var members = live.Rooms.Single(room => room.Name == "Class").Members!;
        Assert.Equal(["ann:guest", "bob:guest"], members.Select(member => $"{member.UserId}:{member.Type}").Order());
    }

    [Fact]
    public async Task ReplaceCreatesThenTerminates()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var first = await harness.ApplyAsync(
            Users + "rooms:\n  - { name: Lab, type: private, members: [{ user_id: ann }] }\n", Fast);
        var oldId = first.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room).LiveId!;
        var replaced = Users + "rooms:\n  - { name: Lab, type: public, members: [{ user_id: ann }, { user_id: bob }] }\n";

        var result = await harness.ApplyAsync(replaced, Fast with { AllowDestroy = true });

        var room = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room);
        Assert.Equal(ChangeAction.Replace, room.Change.Action);
        Assert.Equal(ChangeStatus.Succeeded, room.Status);
        Assert.NotEqual(oldId, room.LiveId);
        var old = (await harness.Client.GetRoomAsync(oldId, TestContext.Current.CancellationToken)).Room;
        Assert.True(old.IsTerminated);
        var created = (await harness.Client.GetRoomAsync(room.LiveId!, TestContext.Current.CancellationToken)).Room;
        Assert.Equal("public", created.Type.Value);
        Assert.NotEqual(true, created.IsTerminated);
        var lines = (await harness.RequestLinesAsync()).ToList();
        var create = lines.FindLastIndex(line => line.StartsWith("POST /v1/rooms ", StringComparison.Ordinal));
        var terminate = lines.FindIndex(line => line.StartsWith($"PUT /v1/rooms/{oldId} 200", StringComparison.Ordinal));
        Assert.True(create >= 0, string.Join(Environment.NewLine, lines));
        Assert.True(terminate > create, string.Join(Environment.NewLine, lines));
        var (replan, _) = await harness.PlanAsync(ApplyHarness.Load(replaced));
        Assert.False(replan.Summary.HasChanges);
    }

    [Fact]
    public async Task DestroyGateSendsNothing()
    {
        await using var harness = await ApplyHarness.StartAsync();
        await harness.ApplyAsync(Users + "rooms:\n  - { name: Lab, type: private }\n", Fast);
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(
            Users.Replace("name: Bob", "name: Robert", StringComparison.Ordinal)
            + "rooms:\n  - { name: Lab, type: public }\n"));
        var linesBefore = await harness.RequestLinesAsync();

        var result = await harness.CreateApplier().ApplyAsync(
            plan, live, Fast, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.IsBlocked);
        Assert.Empty(result.Outcomes);
        Assert.Equal(["room[\"Lab\"]"], result.BlockedDestructiveChanges.Select(change => change.Address));
        var linesAfter = await harness.RequestLinesAsync();
        Assert.Equal(linesBefore.Count + 1, linesAfter.Count);
        Assert.StartsWith("GET /v1/users 200", linesAfter[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailureSkipsDependents()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var yaml = Users + """
            rooms:
              - { name: Broken, type: private, members: [{ user_id: ann }, { user_id: bob }] }
              - { name: Fine, type: private, members: [{ user_id: bob }, { user_id: cy }] }

            """;
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(yaml));

        // The emulator rejects an unknown member type with a 400, which fails the user create every time.
        var broken = plan with
        {
            Changes = plan.Changes.Select(change => change.Address == "user[\"ann\"]"
                ? change with
                {
                    Fields = change.Fields.Select(field => field.Field == "default_member_type"
                        ? field with { After = "owner" }
                        : field).ToList(),
                }
                : change).ToList(),
        };
        var result = await harness.CreateApplier().ApplyAsync(
            broken, live, Fast, cancellationToken: TestContext.Current.CancellationToken);

        var byAddress = result.Outcomes.ToDictionary(outcome => outcome.Change.Address);
        Assert.Equal(ChangeStatus.Failed, byAddress["user[\"ann\"]"].Status);
        Assert.Contains("400", byAddress["user[\"ann\"]"].Message, StringComparison.Ordinal);
        foreach (var address in new[] { "room[\"Broken\"]", "room[\"Broken\"].member[\"ann\"]", "room[\"Broken\"].member[\"bob\"]" })
        {
            Assert.Equal(ChangeStatus.Skipped, byAddress[address].Status);
            Assert.Contains("user[\"ann\"] failed", byAddress[address].Message, StringComparison.Ordinal);
        }

        foreach (var address in new[] { "user[\"bob\"]", "user[\"cy\"]", "room[\"Fine\"]", "room[\"Fine\"].member[\"cy\"]" })
        {
            Assert.Equal(ChangeStatus.Succeeded, byAddress[address].Status);
        }

        Assert.Equal(1, result.Failed);
        Assert.Equal(3, result.Skipped);
        var rooms = (await harness.Client.ListRoomsAsync(cancellationToken: TestContext.Current.CancellationToken)).Rooms;
        Assert.Equal(["Fine"], rooms.Select(room => room.Name));
    }

    [Theory]
    [InlineData(Emulator.LostWriteMode.Status, 0.3, 0.0, 11)]
    [InlineData(Emulator.LostWriteMode.Drop, 0.3, 0.0, 23)]
    [InlineData(Emulator.LostWriteMode.Status, 0.2, 0.2, 5)]
    public async Task LostWritesMakeNoDuplicates(
        Emulator.LostWriteMode mode, double lostWriteRate, double errorRate, int seed)
    {
        await using var harness = await ApplyHarness.StartAsync();
        var yaml = await File.ReadAllTextAsync(
            RepositoryFiles.PathOf("samples/tutoring/workspace.yaml"), TestContext.Current.CancellationToken);
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(yaml));
        harness.Emulator.Faults = new Emulator.FaultOptions
        {
            Seed = seed,
            LostWriteRate = lostWriteRate,
            LostWriteMode = mode,
            ErrorRate = errorRate,
        };

        // One change at a time, so the seed fixes which writes lose their response.
        var result = await harness.CreateApplier().ApplyAsync(
            plan, live, Fast with { Parallelism = 1, MaxAttempts = 8 },
            cancellationToken: TestContext.Current.CancellationToken);
        harness.Emulator.Faults = new Emulator.FaultOptions();

        var problems = result.Outcomes
            .Where(outcome => outcome.Status != ChangeStatus.Succeeded)
            .Select(outcome => $"{outcome.Change.Address} {outcome.Status}: {outcome.Message}")
            .ToList();
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
        Assert.Contains(result.Outcomes, outcome => outcome.Message?.Contains("lost response") == true);
        var after = await harness.ReadAsync(ApplyHarness.Load(yaml));
        var open = after.Rooms.Where(room => !room.IsTerminated).ToList();
        Assert.Equal(10, open.Count);
        Assert.Equal(10, open.Select(room => room.Name).Distinct().Count());
        Assert.Equal(10, after.Rooms.Count);
        Assert.Equal(20, after.Users.Count);
        var replan = Planner.Compute(ApplyHarness.Load(yaml), after);
        Assert.False(replan.Plan!.Summary.HasChanges, PlanTestDataDescribe(replan.Plan));
    }

    [Fact]
    public async Task LostReplaceLeavesOneOpenRoom()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, oldId) = await PlanLabReplaceAsync(harness);

        // Every write commits and loses its response, so the create is found by name and the terminate is
        // confirmed by reading the old room.
        harness.Emulator.Faults = new Emulator.FaultOptions { Seed = 1, LostWriteRate = 1 };
        var result = await harness.CreateApplier().ApplyAsync(
            plan, live, Fast with { AllowDestroy = true, MaxAttempts = 3 },
            cancellationToken: TestContext.Current.CancellationToken);
        harness.Emulator.Faults = new Emulator.FaultOptions();

        var room = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room);
        Assert.Equal(ChangeStatus.Succeeded, room.Status);
        Assert.Contains($"terminated room {oldId}", room.Message, StringComparison.Ordinal);
        Assert.NotEqual(oldId, room.LiveId);
        var member = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Member);
        Assert.Equal(ChangeStatus.Succeeded, member.Status);
        var rooms = (await harness.Client.ListRoomsAsync(cancellationToken: TestContext.Current.CancellationToken)).Rooms;
        Assert.Equal(2, rooms.Count);
        Assert.Single(rooms, candidate => candidate.IsTerminated != true);
        Assert.Equal(room.LiveId, rooms.Single(candidate => candidate.IsTerminated != true).Id);
    }

    [Fact]
    public async Task FailedTerminateKeepsNewRoom()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, oldId) = await PlanLabReplaceAsync(harness);

        // Deleting the old room after the plan makes the terminate fail with a 404.
        await harness.Client.DeleteRoomAsync(oldId, TestContext.Current.CancellationToken);
        var result = await harness.CreateApplier().ApplyAsync(
            plan, live, Fast with { AllowDestroy = true }, cancellationToken: TestContext.Current.CancellationToken);

        var room = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Room);
        Assert.Equal(ChangeStatus.Failed, room.Status);
        Assert.Contains($"terminating the old room {oldId} failed", room.Message, StringComparison.Ordinal);
        Assert.Contains("404", room.Message, StringComparison.Ordinal);
        Assert.NotNull(room.LiveId);
        Assert.NotEqual(oldId, room.LiveId);
        var member = result.Outcomes.Single(outcome => outcome.Change.Kind == ResourceKind.Member);
        Assert.Equal(ChangeStatus.Succeeded, member.Status);
        var created = (await harness.Client.GetRoomAsync(room.LiveId, TestContext.Current.CancellationToken)).Room;
        Assert.Equal("public", created.Type.Value);
    }

    [Fact]
    public async Task CancelMidRunSkipsTheRest()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(
            Users + "rooms:\n  - { name: Desk, type: private, members: [{ user_id: ann }] }\n"));
        using var cancellation = new CancellationTokenSource();
        var progress = new CancelOnFirst(cancellation);

        var result = await harness.CreateApplier().ApplyAsync(
            plan, live, Fast with { Parallelism = 1 }, progress, cancellation.Token);

        Assert.Equal(ChangeStatus.Succeeded, result.Outcomes[0].Status);
        Assert.Equal(1, result.Succeeded);
        Assert.Equal(result.Outcomes.Count - 1, result.Skipped);
        Assert.All(result.Outcomes.Skip(1), outcome => Assert.Contains("cancelled", outcome.Message, StringComparison.Ordinal));
        var users = (await harness.Client.ListUsersAsync(cancellationToken: TestContext.Current.CancellationToken)).Users;
        Assert.Single(users);
    }

    [Fact]
    public async Task JournalAndLogsHoldNoToken()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var folder = Directory.CreateTempSubdirectory("pagecall-journal-");
        try
        {
            var journal = Path.Combine(folder.FullName, "run.jsonl");
            var yaml = Users + "rooms:\n  - { name: Desk, type: private, members: [{ user_id: ann }] }\n";

            var result = await harness.ApplyAsync(yaml, Fast with { JournalPath = journal });

            var lines = await File.ReadAllLinesAsync(journal, TestContext.Current.CancellationToken);
            Assert.Equal(result.Outcomes.Count, lines.Length);
            foreach (var line in lines)
            {
                using var record = System.Text.Json.JsonDocument.Parse(line);
                var root = record.RootElement;
                foreach (var field in new[] { "time", "run_id", "address", "kind", "action", "status", "message", "live_id" })
                {
                    Assert.True(root.TryGetProperty(field, out _), $"missing {field} in {line}");
                }

                Assert.EndsWith("Z", root.GetProperty("time").GetString(), StringComparison.Ordinal);
                Assert.True(DateTimeOffset.TryParse(root.GetProperty("time").GetString(), out _));
                Assert.Equal("succeeded", root.GetProperty("status").GetString());
            }

            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(journal));
            }

            var live = await harness.ReadAsync(ApplyHarness.Load(yaml));
            var tokens = live.Users.Select(user => user.AccessToken!.Value.Reveal()).ToList();
            Assert.Equal(3, tokens.Count);
            var journalText = await File.ReadAllTextAsync(journal, TestContext.Current.CancellationToken);
            var logLines = harness.ApplierLog.Lines;
            Assert.Equal(result.Outcomes.Count + 2, logLines.Count);
            foreach (var token in tokens.Append(ApplyHarness.ApiKey))
            {
                Assert.DoesNotContain(token, journalText, StringComparison.Ordinal);
                Assert.All(logLines, line => Assert.DoesNotContain(token, line, StringComparison.Ordinal));
            }
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task CancelledRunSkipsEverything()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(Users));
        var linesBefore = await harness.RequestLinesAsync();
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        var result = await harness.CreateApplier().ApplyAsync(plan, live, Fast, cancellationToken: cancellation.Token);

        Assert.Equal(3, result.Skipped);
        Assert.All(result.Outcomes, outcome => Assert.Contains("cancelled", outcome.Message, StringComparison.Ordinal));
        var linesAfter = await harness.RequestLinesAsync();
        Assert.Equal(linesBefore.Count + 1, linesAfter.Count);
    }

    private static string PlanTestDataDescribe(Plan plan) => Planning.PlanTestData.Describe(plan);

    /// <summary>Applies a private room "Lab" with one member, then plans its replace by a public room.</summary>
    private static async Task<(Plan Plan, LiveWorkspace Live, string OldId)> PlanLabReplaceAsync(ApplyHarness harness)
    {
        await harness.ApplyAsync(Users + "rooms:\n  - { name: Lab, type: private, members: [{ user_id: ann }] }\n", Fast);
        var replaced = Users + "rooms:\n  - { name: Lab, type: public, members: [{ user_id: ann }] }\n";
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(replaced));
        return (plan, live, live.Rooms.Single().Id);
    }

    /// <summary>Cancels the run when the first outcome arrives, on the thread that reports it.</summary>
    private sealed class CancelOnFirst(CancellationTokenSource cancellation) : IProgress<ChangeOutcome>
    {
        public void Report(ChangeOutcome value) => cancellation.Cancel();
    }
}
