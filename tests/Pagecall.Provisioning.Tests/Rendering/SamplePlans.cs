using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Tests.Rendering;

/// <summary>Plans built by hand, so that renderer tests depend on the plan model only.</summary>
internal static class SamplePlans
{
    public const string RoomId = "aaaaaaaaaaaaaaaaaaaaaaa1";

    /// <summary>One change of every action, a no-op, a replace-forcing boolean and dependencies.</summary>
    public static Plan Mixed { get; } = new("workspace.yaml",
    [
        new PlannedChange
        {
            Address = "user[\"ann\"]",
            Kind = ResourceKind.User,
            Action = ChangeAction.Create,
            Reason = "user does not exist in the workspace",
            Fields = [new("name", null, "Ann"), new("default_member_type", null, "host")],
            Source = new SourcePosition("workspace.yaml", 3, 5),
        },
        new PlannedChange
        {
            Address = "user[\"bob\"]",
            Kind = ResourceKind.User,
            Action = ChangeAction.Update,
            Reason = "name differs from the live workspace",
            LiveId = "id-bob",
            Fields = [new("name", "Bob", "Robert")],
            Source = new SourcePosition("workspace.yaml", 5, 5),
        },
        new PlannedChange
        {
            Address = "user[\"carol\"]",
            Kind = ResourceKind.User,
            Action = ChangeAction.NoOp,
            Reason = "matches the manifest",
            LiveId = "id-carol",
            Source = new SourcePosition("workspace.yaml", 7, 5),
        },
        new PlannedChange
        {
            Address = "room[\"Demo\"]",
            Kind = ResourceKind.Room,
            Action = ChangeAction.Replace,
            Reason = "type and record cannot change in place, so a new room replaces the live one, which is terminated",
            LiveId = RoomId,
            Fields =
            [
                new("name", "Demo", "Demo"),
                new("type", "private", "public", ForcesReplacement: true),
                new("record", "true", "false", ForcesReplacement: true, Type: FieldType.Boolean),
            ],
            DependsOn = ["user[\"ann\"]"],
            Source = new SourcePosition("workspace.yaml", 9, 5),
        },
        new PlannedChange
        {
            Address = "room[\"Demo\"].member[\"ann\"]",
            Kind = ResourceKind.Member,
            Action = ChangeAction.Create,
            Reason = "added in the call that creates the room",
            Fields = [new("type", null, "host")],
            DependsOn = ["room[\"Demo\"]", "user[\"ann\"]"],
            Source = new SourcePosition("workspace.yaml", 13, 11),
        },
        new PlannedChange
        {
            Address = "room[\"Old\"].member[\"dave\"]",
            Kind = ResourceKind.Member,
            Action = ChangeAction.Delete,
            Reason = "member is not in the room's member list in the manifest",
            LiveId = "member-dave",
            Fields = [new("type", "guest", null)],
            Source = new SourcePosition("workspace.yaml", 17, 14),
        },
    ]);

    /// <summary>A plan whose only change holds secrets in a sensitive field.</summary>
    public static Plan WithSecret(string before, string after) => new("workspace.yaml",
    [
        new PlannedChange
        {
            Address = "user[\"ann\"]",
            Kind = ResourceKind.User,
            Action = ChangeAction.Update,
            Reason = "access_token differs from the live workspace",
            LiveId = "id-ann",
            Fields = [new("name", "Ann", "Ann"), new("access_token", before, after, Sensitive: true)],
        },
    ]);

    /// <summary>A plan of <paramref name="count"/> user creates with long names.</summary>
    public static Plan ManyCreates(int count) => new("workspace.yaml",
    [
        .. Enumerable.Range(0, count).Select(index => new PlannedChange
        {
            Address = $"user[\"user-{index:D5}\"]",
            Kind = ResourceKind.User,
            Action = ChangeAction.Create,
            Reason = "user does not exist in the workspace",
            Fields = [new("name", null, new string('n', 200))],
        }),
    ]);
}
