using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

/// <summary>
/// Errors the planner finds by comparing the manifest with the live workspace, located in the manifest. PM040 and
/// PM041 come from <see cref="ManifestErrors"/>; this class adds the codes from PM042 on.
/// </summary>
public static class PlanningErrors
{
    /// <summary>Codes added by the planner, with the rule each states, in code order.</summary>
    public static IReadOnlyList<(string Code, string Title)> Catalogue { get; } =
    [
        ("PM042", "A pinned room id does not exist in the workspace"),
        ("PM043", "A pinned room id refers to a terminated room"),
        ("PM044", "Two manifest rooms match the same live room"),
    ];

    /// <summary>Creates the error for a room whose renamed_from names several live rooms that are not terminated.</summary>
    public static ManifestDiagnostic AmbiguousRenamedFrom(ManifestRoom room, IReadOnlyList<string> liveIds) =>
        Error("PM041", room.Fields.Find("renamed_from") ?? room.Position, $"{room.Path}.renamed_from",
            $"renamed_from {ManifestErrors.Quote(room.RenamedFrom ?? "")} matches {liveIds.Count} live rooms: "
            + $"{string.Join(", ", liveIds)}.",
            $"Pin the room with \"id: {liveIds[0]}\" (or the other id) instead of renamed_from.");

    public static ManifestDiagnostic PinnedRoomNotFound(ManifestRoom room) =>
        Error("PM042", room.Fields.Find("id") ?? room.Position, $"{room.Path}.id",
            $"Room id {ManifestErrors.Quote(room.Id ?? "")} does not exist in the workspace.",
            "Correct the id, or remove it to create a new room with this name.");

    public static ManifestDiagnostic PinnedRoomTerminated(ManifestRoom room) =>
        Error("PM043", room.Fields.Find("id") ?? room.Position, $"{room.Path}.id",
            $"Room id {ManifestErrors.Quote(room.Id ?? "")} refers to a terminated room, which cannot be joined or changed.",
            "Remove the id to create a new room with this name.");

    public static ManifestDiagnostic LiveRoomMatchedTwice(ManifestRoom room, ManifestRoom first, LiveRoom live) =>
        Error("PM044", room.Fields.Find(room.Id is null ? "name" : "id") ?? room.Position, room.Path,
            $"This room and the room at line {first.Position.Line}, column {first.Position.Column} both match live "
            + $"room {live.Id} ({ManifestErrors.Quote(live.Name)}).",
            "Pin each room with its own \"id\", or give this room a name that no other live room has.");

    private static ManifestDiagnostic Error(string code, SourcePosition at, string path, string message, string fix) =>
        new(code, DiagnosticSeverity.Error, at, path, message, fix);
}
