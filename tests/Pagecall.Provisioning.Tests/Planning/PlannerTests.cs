using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;
using static Pagecall.Provisioning.Tests.Planning.PlanTestData;

namespace Pagecall.Provisioning.Tests.Planning;

public sealed class PlannerTests
{
    private sealed record Case(string Yaml, LiveWorkspace Live, string Expected);

    private static readonly Dictionary<string, Case> Cases = new()
    {
        ["A new user is created with every field the manifest sets"] = new(
            """
            version: 1
            users:
              - user_id: ann
                name: Ann
                profile_url: https://example.com/ann.png
                default_member_type: host
            """,
            Workspace(),
            """
            Create user["ann"]: user does not exist in the workspace
              name: null -> "Ann"
              profile_url: null -> "https://example.com/ann.png"
              default_member_type: null -> "host"

            """),

        ["A user that matches the manifest is unchanged"] = new(
            """
            version: 1
            users:
              - user_id: ann
                name: Ann
            """,
            Workspace(users: [User("ann", name: "Ann")]),
            """
            NoOp user["ann"] (id-ann): matches the manifest

            """),

        ["A user's changed name and profile URL are updated in place"] = new(
            """
            version: 1
            users:
              - user_id: ann
                name: Ann Lee
                profile_url: https://example.com/ann.png
                default_member_type: guest
            """,
            Workspace(users: [User("ann", name: "Ann")]),
            """
            Update user["ann"] (id-ann): name and profile_url differ from the live workspace
              name: "Ann" -> "Ann Lee"
              profile_url: null -> "https://example.com/ann.png"

            """),

        ["A default member type the API does not report is not compared"] = new(
            """
            version: 1
            users:
              - user_id: ann
                default_member_type: host
            """,
            Workspace(users: [User("ann", type: null)]),
            """
            NoOp user["ann"] (id-ann): matches the manifest

            """),

        ["Fields the manifest leaves out are not compared"] = new(
            """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: private
            """,
            Workspace(
                users: [User("ann", name: "Someone", profileUrl: "https://example.com/x.png", type: "host")],
                rooms: [Room(RoomA, "Demo", record: false, maxMeetingSeconds: 60, members: [Member("bob")])]),
            $"""
            NoOp user["ann"] (id-ann): matches the manifest
            NoOp room["Demo"] ({RoomA}): matches the manifest

            """),

        ["Live users and rooms the manifest does not declare are left alone"] = new(
            """
            version: 1
            users: []
            rooms: []
            """,
            Workspace(users: [User("ann")], rooms: [Room(RoomA, "Demo")]),
            ""),

        ["A new room is created with its members after the users it needs"] = new(
            """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: private
                record: false
                max_meeting_seconds: 3600
                members:
                  - user_id: ann
                    type: host
                  - user_id: bob
            """,
            Workspace(users: [User("bob")]),
            """
            Create user["ann"]: user does not exist in the workspace
            Create room["Demo"]: no live room is named "Demo"
              name: null -> "Demo"
              type: null -> "private" [forces replacement]
              record: null -> "false" [forces replacement]
              max_meeting_seconds: null -> "3600" [forces replacement]
              depends on user["ann"]
            Create room["Demo"].member["ann"]: added in the call that creates the room
              type: null -> "host"
              depends on room["Demo"]
              depends on user["ann"]
            Create room["Demo"].member["bob"]: added in the call that creates the room
              type: null -> "guest"
              depends on room["Demo"]

            """),

        ["A room whose type changes is replaced with its members"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: public
                members:
                  - user_id: bob
            """,
            Workspace(users: [User("bob")], rooms: [Room(RoomA, "Demo", members: [Member("bob"), Member("carol")])]),
            $"""
            Replace room["Demo"] ({RoomA}): type cannot change in place, so a new room replaces the live one, which is terminated
              name: "Demo" -> "Demo"
              type: "private" -> "public" [forces replacement]
            Create room["Demo"].member["bob"]: added in the call that creates the room
              type: null -> "guest"
              depends on room["Demo"]

            """),

        ["A changed record or meeting limit replaces the room"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                record: false
                max_meeting_seconds: 600
            """,
            Workspace(rooms: [Room(RoomA, "Demo", record: true, maxMeetingSeconds: 300)]),
            $"""
            Replace room["Demo"] ({RoomA}): record and max_meeting_seconds cannot change in place, so a new room replaces the live one, which is terminated
              name: "Demo" -> "Demo"
              type: "private" -> "private" [forces replacement]
              record: "true" -> "false" [forces replacement]
              max_meeting_seconds: "300" -> "600" [forces replacement]

            """),

        ["Room fields the API does not report never force a replace"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                record: false
                max_meeting_seconds: 600
            """,
            Workspace(rooms: [Room(RoomA, "Demo", record: null, maxMeetingSeconds: null)]),
            $"""
            NoOp room["Demo"] ({RoomA}): matches the manifest

            """),

        ["A room pinned by id is renamed in place"] = new(
            $"""
            version: 1
            rooms:
              - name: Demo 2
                id: {RoomA}
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo")]),
            $"""
            Update room["Demo 2"] ({RoomA}): name differs from the live workspace
              name: "Demo" -> "Demo 2"

            """),

        ["A room renamed with renamed_from is updated instead of replaced"] = new(
            """
            version: 1
            rooms:
              - name: Algebra
                renamed_from: Math
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Math")]),
            $"""
            Update room["Algebra"] ({RoomA}): renamed from "Math"
              name: "Math" -> "Algebra"

            """),

        ["renamed_from is ignored once a live room has the new name"] = new(
            """
            version: 1
            rooms:
              - name: Algebra
                renamed_from: Math
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Math"), Room(RoomB, "Algebra")]),
            $"""
            NoOp room["Algebra"] ({RoomB}): matches the manifest

            """),

        ["A room is created when no live room has its new or old name"] = new(
            """
            version: 1
            rooms:
              - name: Algebra
                renamed_from: Math
                type: open
            """,
            Workspace(rooms: [Room(RoomA, "Math", terminated: true)]),
            """
            Create room["Algebra"]: no live room is named "Algebra" or "Math"
              name: null -> "Algebra"
              type: null -> "open" [forces replacement]

            """),

        ["Terminated rooms with the same name are not matches"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
            """,
            Workspace(rooms: [Room(RoomA, "Demo", terminated: true), Room(RoomB, "Demo", terminated: true)]),
            """
            Create room["Demo"]: no live room is named "Demo"
              name: null -> "Demo"
              type: null -> "private" [forces replacement]

            """),

        ["Members are added, retyped and removed to match the list"] = new(
            """
            version: 1
            users:
              - user_id: dave
            rooms:
              - name: Demo
                type: private
                members:
                  - user_id: ann
                    type: host
                  - user_id: bob
                  - user_id: dave
                    type: monitor
            """,
            Workspace(
                users: [User("ann"), User("bob"), User("carol")],
                rooms: [Room(RoomA, "Demo", members: [Member("ann"), Member("bob"), Member("carol", "host")])]),
            $"""
            Create user["dave"]: user does not exist in the workspace
            NoOp room["Demo"] ({RoomA}): matches the manifest
            Update room["Demo"].member["ann"] (member-ann): type differs from the live workspace
              type: "guest" -> "host"
            NoOp room["Demo"].member["bob"] (member-bob): matches the manifest
            Create room["Demo"].member["dave"]: user is not a member of the live room
              type: null -> "monitor"
              depends on user["dave"]
            Delete room["Demo"].member["carol"] (member-carol): member is not in the room's member list in the manifest
              type: "host" -> null

            """),

        ["An empty member list removes every live member"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                members: []
            """,
            Workspace(users: [User("ann")], rooms: [Room(RoomA, "Demo", members: [Member("ann")])]),
            $"""
            NoOp room["Demo"] ({RoomA}): matches the manifest
            Delete room["Demo"].member["ann"] (member-ann): member is not in the room's member list in the manifest
              type: "guest" -> null

            """),

        ["Members of a renamed room are addressed by the new name"] = new(
            """
            version: 1
            rooms:
              - name: Algebra
                renamed_from: Math
                type: private
                members:
                  - user_id: ann
            """,
            Workspace(users: [User("ann")], rooms: [Room(RoomA, "Math", members: [])]),
            $"""
            Update room["Algebra"] ({RoomA}): renamed from "Math"
              name: "Math" -> "Algebra"
            Create room["Algebra"].member["ann"]: user is not a member of the live room
              type: null -> "guest"

            """),

        ["A member type the API does not report is not compared"] = new(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                members:
                  - user_id: ann
                    type: host
            """,
            Workspace(users: [User("ann")], rooms: [Room(RoomA, "Demo", members: [Member("ann", type: null)])]),
            $"""
            NoOp room["Demo"] ({RoomA}): matches the manifest
            NoOp room["Demo"].member["ann"] (member-ann): matches the manifest

            """),

        ["Room and user names are escaped in addresses"] = new(
            """
            version: 1
            users:
              - user_id: 'a"b\c'
            """,
            Workspace(),
            """
            Create user["a\"b\\c"]: user does not exist in the workspace

            """),
    };

    public static TheoryData<string> CaseNames => [.. Cases.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Planner_produces_expected_changes(string name)
    {
        var testCase = Cases[name];

        var result = Planner.Compute(Load(testCase.Yaml), testCase.Live);

        Assert.Empty(result.Errors);
        Assert.Equal(testCase.Expected.Trim('\n'), Describe(result.Plan!).Trim('\n'));
    }

    [Fact]
    public void Summary_counts_each_action()
    {
        var testCase = Cases["Members are added, retyped and removed to match the list"];

        var summary = Planner.Compute(Load(testCase.Yaml), testCase.Live).Plan!.Summary;

        Assert.Equal(new PlanSummary(ToCreate: 2, ToUpdate: 1, ToReplace: 0, ToRemove: 1, Unchanged: 2), summary);
    }

    [Fact]
    public void Changes_point_at_their_manifest_position()
    {
        var loaded = Load(
            """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: private
                members: []
            """);
        var live = Workspace(users: [User("carol")], rooms: [Room(RoomA, "Demo", members: [Member("carol")])]);

        var changes = Planner.Compute(loaded, live).Plan!.Changes;

        Assert.Equal(new("workspace.yaml", 3, 5), changes[0].Source);
        Assert.Equal(new("workspace.yaml", 5, 5), changes[1].Source);
        Assert.Equal(new("workspace.yaml", 7, 14), changes[2].Source);
    }

    [Fact]
    public void Plan_names_the_manifest_file()
    {
        var plan = Planner.Compute(Load("version: 1\n"), Workspace()).Plan!;

        Assert.Equal("workspace.yaml", plan.ManifestFile);
        Assert.Empty(plan.Changes);
    }

    [Fact]
    public void Missing_live_members_are_a_caller_error()
    {
        var loaded = Load(
            """
            version: 1
            rooms:
              - name: Demo
                type: private
                members: []
            """);
        var live = Workspace(rooms: [new LiveRoom(RoomA, "Demo", "private", true, null, false, Members: null)]);

        var error = Assert.Throws<ArgumentException>(() => Planner.Compute(loaded, live));

        Assert.Contains(RoomA, error.Message, StringComparison.Ordinal);
    }
}
