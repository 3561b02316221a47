using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

/// <summary>How a manifest room found its live room.</summary>
public enum RoomMatchKind
{
    /// <summary>No live room matches, so the room is to be created.</summary>
    None,

    /// <summary>The manifest pins the live room's id.</summary>
    PinnedId,

    /// <summary>The one live room that is not terminated and has the manifest name.</summary>
    Name,

    /// <summary>No live room has the manifest name, and the one live room named as renamed_from is this room.</summary>
    RenamedFrom,
}

/// <summary>A manifest room and the live room it addresses, if any.</summary>
public sealed record RoomMatch(ManifestRoom Room, LiveRoom? Live, RoomMatchKind Kind);

/// <summary>
/// Pairs manifest rooms with live rooms. A room with an id is that live room. A room without one matches the one
/// live room that is not terminated and has exactly its name; failing that, with <c>renamed_from</c>, the one such
/// room with the old name. Several candidates, a missing or terminated pinned room, and two manifest rooms on one
/// live room are errors.
/// </summary>
public static class RoomMatcher
{
    /// <summary>
    /// Matches every manifest room. Returns one match per room without an error, in manifest order, and the errors.
    /// </summary>
    public static (IReadOnlyList<RoomMatch> Matches, IReadOnlyList<ManifestDiagnostic> Errors) Match(
        IReadOnlyList<ManifestRoom> rooms, IReadOnlyList<LiveRoom> liveRooms)
    {
        var byId = liveRooms.ToDictionary(room => room.Id, StringComparer.Ordinal);
        var byName = liveRooms.Where(room => !room.IsTerminated)
            .ToLookup(room => room.Name, StringComparer.Ordinal);
        var matches = new List<RoomMatch>();
        var errors = new List<ManifestDiagnostic>();
        var claimedBy = new Dictionary<string, ManifestRoom>(StringComparer.Ordinal);
        foreach (var room in rooms)
        {
            var (match, error) = room.Id is null ? MatchByName(room, byName) : MatchById(room, byId);
            if (error is null && match.Live is not null && !claimedBy.TryAdd(match.Live.Id, room))
            {
                error = PlanningErrors.LiveRoomMatchedTwice(room, claimedBy[match.Live.Id], match.Live);
            }

            if (error is null)
            {
                matches.Add(match);
            }
            else
            {
                errors.Add(error);
            }
        }

        return (matches, errors);
    }

    private static (RoomMatch Match, ManifestDiagnostic? Error) MatchById(
        ManifestRoom room, Dictionary<string, LiveRoom> byId)
    {
        var none = new RoomMatch(room, null, RoomMatchKind.None);
        if (!byId.TryGetValue(room.Id!, out var live))
        {
            return (none, PlanningErrors.PinnedRoomNotFound(room));
        }

        return live.IsTerminated
            ? (none, PlanningErrors.PinnedRoomTerminated(room))
            : (new RoomMatch(room, live, RoomMatchKind.PinnedId), null);
    }

    private static (RoomMatch Match, ManifestDiagnostic? Error) MatchByName(
        ManifestRoom room, ILookup<string, LiveRoom> byName)
    {
        var none = new RoomMatch(room, null, RoomMatchKind.None);
        var named = byName[room.Name].ToList();
        if (named.Count > 1)
        {
            return (none, ManifestErrors.AmbiguousRoomName(room, $"{room.Path}.name", Ids(named)));
        }

        if (named.Count == 1)
        {
            return (new RoomMatch(room, named[0], RoomMatchKind.Name), null);
        }

        if (room.RenamedFrom is null)
        {
            return (none, null);
        }

        var renamed = byName[room.RenamedFrom].ToList();
        return renamed.Count switch
        {
            0 => (none, null),
            1 => (new RoomMatch(room, renamed[0], RoomMatchKind.RenamedFrom), null),
            _ => (none, PlanningErrors.AmbiguousRenamedFrom(room, Ids(renamed))),
        };
    }

    private static List<string> Ids(IEnumerable<LiveRoom> rooms) => rooms.Select(room => room.Id).ToList();
}
