using System.Text.Json;
using Pagecall.Api;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Rendering;
using Pagecall.Provisioning.Tests.Apply;
using static Pagecall.Provisioning.Tests.Planning.PlanTestData;

namespace Pagecall.Provisioning.Tests.Planning;

/// <summary>
/// The live users and rooms that a manifest does not declare: found by the planner against the emulator, and shown
/// by the text, Markdown and JSON renderers.
/// </summary>
public sealed class UnmanagedTests
{
    private const string FullManifest = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
          - { user_id: bob, name: Bob }
          - { user_id: carol, name: Carol }
        rooms:
          - { name: Kept, type: private, members: [{ user_id: ann }, { user_id: bob }] }
          - { name: Dropped, type: private }
          - { name: Ended, type: public }
        """;

    // Drops carol and the rooms Dropped and Ended, and names bob only as a member of Kept.
    private const string ReducedManifest = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
        rooms:
          - { name: Kept, type: private, members: [{ user_id: ann }, { user_id: bob }] }
        """;

    private const string LeftAloneLine =
        "Left alone: 1 live room and 1 live user are not in the manifest (pagecall-provision never removes them).";

    private static readonly ApplyOptions Fast = new() { RetryBaseDelay = TimeSpan.FromMilliseconds(5) };

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PlannerFindsUnmanagedOnEmulator()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, droppedId) = await PlanReducedAsync(harness);

        Assert.False(plan.Summary.HasChanges, string.Join(Environment.NewLine, plan.Changes));
        Assert.Equal(["carol"], plan.Unmanaged.UserIds);
        Assert.Equal([new UnmanagedRoom("Dropped", droppedId)], plan.Unmanaged.Rooms);
        Assert.Contains(live.Rooms, room => room.Name == "Ended" && room.IsTerminated);
    }

    [Fact]
    public async Task TextListsUnmanagedBeforeSummary()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, droppedId) = await PlanReducedAsync(harness);

        var text = PlanTextRenderer.Render(plan);

        Assert.Equal(
            $"""
            No changes. The workspace matches workspace.yaml.

            {LeftAloneLine}
                room["Dropped"] ({droppedId})
                user["carol"]

            4 objects unchanged.
            Plan: 0 to create, 0 to update, 0 to replace, 0 to remove.

            """,
            text);
        Assert.DoesNotContain("Ended", text, StringComparison.Ordinal);
        AssertNoAccessToken(live, text);
    }

    [Fact]
    public async Task MarkdownHasLeftAloneSection()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, droppedId) = await PlanReducedAsync(harness);

        var markdown = PlanMarkdownRenderer.Render(plan);

        Assert.EndsWith(
            $"""

            **Left alone:** 1 live room and 1 live user are not in the manifest (pagecall-provision never removes them).

            - `room["Dropped"] ({droppedId})`
            - `user["carol"]`

            """,
            markdown,
            StringComparison.Ordinal);
        Assert.DoesNotContain("Ended", markdown, StringComparison.Ordinal);
        AssertNoAccessToken(live, markdown);
    }

    [Fact]
    public async Task JsonHasUnmanagedObject()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, live, droppedId) = await PlanReducedAsync(harness);

        var json = PlanJsonRenderer.Render(plan);

        using var document = JsonDocument.Parse(json);
        var unmanaged = document.RootElement.GetProperty("unmanaged");
        Assert.Equal(
            ["carol"], unmanaged.GetProperty("users").EnumerateArray().Select(user => user.GetString()));
        var rooms = unmanaged.GetProperty("rooms").EnumerateArray().ToList();
        var room = Assert.Single(rooms);
        Assert.Equal("Dropped", room.GetProperty("name").GetString());
        Assert.Equal(droppedId, room.GetProperty("id").GetString());
        Assert.Equal(["name", "id"], room.EnumerateObject().Select(property => property.Name));
        Assert.False(document.RootElement.GetProperty("summary").GetProperty("has_changes").GetBoolean());
        Assert.Equal("1.1", document.RootElement.GetProperty("format_version").GetString());
        AssertNoAccessToken(live, json);
    }

    [Fact]
    public async Task EmptyWorkspaceHasNoLeftAloneLine()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (plan, _) = await harness.PlanAsync(ApplyHarness.Load(FullManifest));

        var text = PlanTextRenderer.Render(plan);
        var markdown = PlanMarkdownRenderer.Render(plan);
        using var json = JsonDocument.Parse(PlanJsonRenderer.Render(plan));

        Assert.Equal(0, plan.Unmanaged.Count);
        Assert.True(plan.Summary.HasChanges);
        Assert.DoesNotContain("Left alone", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Left alone", markdown, StringComparison.Ordinal);
        var unmanaged = json.RootElement.GetProperty("unmanaged");
        Assert.Equal(0, unmanaged.GetProperty("users").GetArrayLength());
        Assert.Equal(0, unmanaged.GetProperty("rooms").GetArrayLength());
    }

    [Fact]
    public void RenamedAndPinnedRoomsAreManaged()
    {
        var loaded = Load($$"""
            version: 1
            rooms:
              - { name: New Name, renamed_from: Old Name, type: private }
              - { id: "{{RoomB}}", name: Pinned, type: private }
            """);
        var live = Workspace(rooms:
        [
            Room(RoomA, "Old Name"),
            Room(RoomB, "Pinned"),
            Room(RoomC, "Other"),
        ]);

        var plan = Planner.Compute(loaded, live).Plan!;

        Assert.Equal([new UnmanagedRoom("Other", RoomC)], plan.Unmanaged.Rooms);
    }

    [Fact]
    public void UnmanagedAreSortedAndTerminatedSkipped()
    {
        var loaded = Load("version: 1\n");
        var live = Workspace(
            users: [User("zed"), User("amy")],
            rooms: [Room(RoomC, "Beta"), Room(RoomB, "Alpha"), Room(RoomA, "Alpha", terminated: true)]);

        var plan = Planner.Compute(loaded, live).Plan!;

        Assert.Equal(["amy", "zed"], plan.Unmanaged.UserIds);
        Assert.Equal([new UnmanagedRoom("Alpha", RoomB), new UnmanagedRoom("Beta", RoomC)], plan.Unmanaged.Rooms);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void SingleUserLineIsSingular()
    {
        var plan = new Plan("workspace.yaml", []) { Unmanaged = new UnmanagedObjects(["carol"], []) };

        var text = PlanTextRenderer.Render(plan);

        Assert.Contains(
            "Left alone: 1 live user is not in the manifest (pagecall-provision never removes it).\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void ManyUnmanagedListedOnlyWhenAsked()
    {
        var userIds = Enumerable.Range(1, 11).Select(index => $"user-{index:D2}").ToList();
        var plan = new Plan("workspace.yaml", []) { Unmanaged = new UnmanagedObjects(userIds, []) };

        var brief = PlanTextRenderer.Render(plan);
        var full = PlanTextRenderer.Render(plan, new PlanTextOptions(ListAllUnmanaged: true));
        var markdown = PlanMarkdownRenderer.Render(plan);

        Assert.Contains("Left alone: 11 live users are not in the manifest", brief, StringComparison.Ordinal);
        Assert.Contains("Add --verbose to list them", brief, StringComparison.Ordinal);
        Assert.DoesNotContain("user-01", brief, StringComparison.Ordinal);
        Assert.All(userIds, userId => Assert.Contains($"    user[\"{userId}\"]\n", full, StringComparison.Ordinal));
        Assert.DoesNotContain("Add --verbose", full, StringComparison.Ordinal);
        Assert.Contains("The JSON plan lists them under `unmanaged`.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("user-01", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void UnmanagedNamesAreEscaped()
    {
        var room = new UnmanagedRoom("Evil\u001b[2J\nroom", RoomA);
        var plan = new Plan("workspace.yaml", []) { Unmanaged = new UnmanagedObjects(["x\"y"], [room]) };

        var text = PlanTextRenderer.Render(plan);
        var markdown = PlanMarkdownRenderer.Render(plan);

        Assert.Contains($"    room[\"Evil\\u001B[2J\\nroom\"] ({RoomA})\n", text, StringComparison.Ordinal);
        Assert.Contains("    user[\"x\\\"y\"]\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u001b', markdown);
    }

    [Theory]
    [InlineData("\u009b2J", "\\u009B2J")]
    [InlineData("admin\u202e", "admin\\u202E")]
    [InlineData("a\u2028b", "a\\u2028b")]
    [InlineData("a\u0085b", "a\\u0085b")]
    [InlineData("an\u200bn", "an\\u200Bn")]
    [InlineData("tag\U000E0041", "tag\\uDB40\\uDC41")]
    public void UnmanagedInvisibleCharactersEscaped(string name, string escaped)
    {
        var room = new UnmanagedRoom(name, RoomA);
        var plan = new Plan("workspace.yaml", []) { Unmanaged = new UnmanagedObjects([name], [room]) };

        var text = PlanTextRenderer.Render(plan);
        var markdown = PlanMarkdownRenderer.Render(plan);

        // A format character such as U+202E reorders the rest of the line on screen, so it must not appear raw.
        Assert.Contains($"    user[\"{escaped}\"]\n", text, StringComparison.Ordinal);
        Assert.Contains($"    room[\"{escaped}\"] ({RoomA})\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, text, StringComparison.Ordinal);
        Assert.DoesNotContain(name, markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(800)]
    [InlineData(1_000)]
    [InlineData(4_000)]
    public void MarkdownWithLeftAloneStaysWithinLimit(int maxCharacters)
    {
        var changes = Enumerable.Range(0, 200).Select(index => new PlannedChange
        {
            Address = Addresses.User($"new-user-{index:D3}"),
            Kind = ResourceKind.User,
            Action = ChangeAction.Create,
            Reason = "not in the workspace",
        }).ToList();
        var rooms = Enumerable.Range(0, 10)
            .Select(index => new UnmanagedRoom(new string('r', maxCharacters / 60) + index, RoomA)).ToList();
        var plan = new Plan(new string('m', 200) + ".yaml", changes) { Unmanaged = new UnmanagedObjects([], rooms) };

        var markdown = PlanMarkdownRenderer.Render(plan, maxCharacters);

        Assert.True(markdown.Length <= maxCharacters, $"{markdown.Length} characters for a limit of {maxCharacters}.");
        Assert.Contains("Left alone", markdown, StringComparison.Ordinal);
    }

    /// <summary>
    /// Applies the full manifest, terminates the room Ended, and plans the reduced manifest. Returns the plan, the
    /// live workspace it was planned against and the id of the room Dropped.
    /// </summary>
    private static async Task<(Plan Plan, LiveWorkspace Live, string DroppedId)> PlanReducedAsync(ApplyHarness harness)
    {
        var applied = await harness.ApplyAsync(FullManifest, Fast);
        Assert.Equal(0, applied.Failed);
        var roomIds = applied.Outcomes.Where(outcome => outcome.Change.Kind == ResourceKind.Room)
            .ToDictionary(outcome => outcome.Change.Address, outcome => outcome.LiveId!);
        await harness.Client.UpdateRoomAsync(
            roomIds[Addresses.Room("Ended")], new UpdateRoomRequest { IsTerminated = true }, Token);

        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(ReducedManifest));
        return (plan, live, roomIds[Addresses.Room("Dropped")]);
    }

    private static void AssertNoAccessToken(LiveWorkspace live, string output)
    {
        Assert.NotEmpty(live.Users);
        foreach (var user in live.Users)
        {
            Assert.NotNull(user.AccessToken);
            Assert.DoesNotContain(user.AccessToken.Value.Reveal(), output, StringComparison.Ordinal);
        }
    }
}
