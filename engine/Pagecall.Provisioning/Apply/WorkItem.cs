using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// One unit of execution: a change, and for a room create or replace, the member adds that the create call
/// carries, so they are never sent on their own.
/// </summary>
internal sealed record WorkItem(PlannedChange Change, IReadOnlyList<PlannedChange> MembersWithRoom)
{
    /// <summary>Apply order of the kind: users, then rooms, then members.</summary>
    public int Phase => Change.Kind switch
    {
        ResourceKind.User => 0,
        ResourceKind.Room => 1,
        _ => 2,
    };

    public string? Field(string name) => FieldOf(Change, name);

    public static string? FieldOf(PlannedChange change, string name) =>
        change.Fields.FirstOrDefault(field => field.Field == name)?.After;
}
