using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;
using static Pagecall.Provisioning.Tests.Planning.PlanTestData;

namespace Pagecall.Provisioning.Tests.Planning;

public sealed class PlannerErrorTests
{
    private sealed record Case(string Yaml, LiveWorkspace Live, string[] Expected);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["Two live rooms with the room's name are ambiguous"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo"), Room(RoomB, "Demo"), Room(RoomC, "Demo", terminated: true)]),
            [
                $"workspace.yaml:3:11: error PM041: rooms[0].name: Room name \"Demo\" matches 2 live rooms: {RoomA}, "
                + $"{RoomB}. Pin the room with \"id: {RoomA}\" (or the other id), or rename one of the live rooms.",
            ]),

        ["Two live rooms with the renamed_from name are ambiguous"] = new(
            """
            version: 1
            rooms:
              - name: Algebra
                renamed_from: Math
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Math"), Room(RoomB, "Math")]),
            [
                $"workspace.yaml:4:19: error PM041: rooms[0].renamed_from: renamed_from \"Math\" matches 2 live "
                + $"rooms: {RoomA}, {RoomB}. Pin the room with \"id: {RoomA}\" (or the other id) instead of renamed_from.",
            ]),

        ["Members whose user exists nowhere are located errors"] = new(
            """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: private
                members:
                  - user_id: ann
                  - user_id: ghost
                  - user_id: carol
              - name: Other
                type: private
                members:
                  - user_id: ghost
            """,
            Workspace(users: [User("carol")]),
            [
                "workspace.yaml:9:18: error PM040: rooms[0].members[1].user_id: User \"ghost\" is not declared "
                + "under users and does not exist in the workspace. Declare the user under users, or correct the user_id.",
                "workspace.yaml:14:18: error PM040: rooms[1].members[0].user_id: User \"ghost\" is not declared "
                + "under users and does not exist in the workspace. Declare the user under users, or correct the user_id.",
            ]),

        ["A pinned room id that does not exist is an error"] = new(
            $"""
            version: 1
            rooms:
              - name: Demo
                id: {RoomB}
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo")]),
            [
                $"workspace.yaml:4:9: error PM042: rooms[0].id: Room id \"{RoomB}\" does not exist in the workspace. "
                + "Correct the id, or remove it to create a new room with this name.",
            ]),

        ["A pinned room id of a terminated room is an error"] = new(
            $"""
            version: 1
            rooms:
              - name: Demo
                id: {RoomA}
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo", terminated: true)]),
            [
                $"workspace.yaml:4:9: error PM043: rooms[0].id: Room id \"{RoomA}\" refers to a terminated room, "
                + "which cannot be joined or changed. Remove the id to create a new room with this name.",
            ]),

        ["Two manifest rooms matching one live room is an error"] = new(
            $"""
            version: 1
            rooms:
              - name: Renamed
                id: {RoomA}
                type: private
              - name: Demo
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo")]),
            [
                $"workspace.yaml:6:11: error PM044: rooms[1]: This room and the room at line 3, column 5 both match "
                + $"live room {RoomA} (\"Demo\"). Pin each room with its own \"id\", or give this room a name that no "
                + "other live room has.",
            ]),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Planner_reports_expected_errors(string name)
    {
        var testCase = Cases[name];

        var result = Planner.Compute(Load(testCase.Yaml), testCase.Live);

        Assert.Null(result.Plan);
        Assert.Equal(testCase.Expected, result.Errors.Select(error => error.ToString()));
    }

    [Fact]
    public void Member_of_live_user_needs_no_declaration()
    {
        var loaded = Load(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                members:
                  - user_id: carol
            """);

        var result = Planner.Compute(loaded, Workspace(users: [User("carol")]));

        Assert.True(result.Succeeded);
    }
}
