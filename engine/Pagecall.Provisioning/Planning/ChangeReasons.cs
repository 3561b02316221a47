namespace Pagecall.Provisioning.Planning;

/// <summary>The wording of <see cref="PlannedChange.Reason"/>, kept in one place so every renderer shows the same text.</summary>
internal static class ChangeReasons
{
    public const string Matches = "matches the manifest";

    public const string UserMissing = "user does not exist in the workspace";

    public const string MemberMissing = "user is not a member of the live room";

    public const string MemberWithNewRoom = "added in the call that creates the room";

    public const string MemberNotDeclared = "member is not in the room's member list in the manifest";

    public static string Differs(IEnumerable<FieldChange> fields) => $"{JoinNames(fields)} differ{Verb(fields)} from the live workspace";

    public static string CannotChangeInPlace(IEnumerable<FieldChange> fields) =>
        $"{JoinNames(fields)} cannot change in place, so a new room replaces the live one, which is terminated";

    public static string RoomMissing(string name, string? renamedFrom) => renamedFrom is null
        ? $"no live room is named {Addresses.Quote(name)}"
        : $"no live room is named {Addresses.Quote(name)} or {Addresses.Quote(renamedFrom)}";

    public static string RenamedFrom(string oldName) => $"renamed from {Addresses.Quote(oldName)}";

    private static string JoinNames(IEnumerable<FieldChange> fields)
    {
        var names = fields.Select(field => field.Field).ToList();
        return names.Count <= 1 ? string.Concat(names) : $"{string.Join(", ", names[..^1])} and {names[^1]}";
    }

    private static string Verb(IEnumerable<FieldChange> fields) => fields.Count() == 1 ? "s" : "";
}
