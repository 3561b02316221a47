using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

public static partial class Planner
{
    /// <summary>
    /// Finds the live users that the manifest neither declares nor names as a member, and the live rooms that are
    /// not terminated and that no manifest room matches.
    /// </summary>
    private static UnmanagedObjects FindUnmanaged(
        WorkspaceManifest manifest,
        IReadOnlyList<ExternalUserReference> externalUsers,
        IReadOnlyList<RoomMatch> matches,
        LiveWorkspace live)
    {
        var namedUserIds = (manifest.Users ?? ValueList<ManifestUser>.Empty).Select(user => user.UserId)
            .Concat(externalUsers.Select(reference => reference.UserId))
            .ToHashSet(StringComparer.Ordinal);
        var userIds = live.Users.Select(user => user.UserId)
            .Where(userId => !namedUserIds.Contains(userId))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();

        var matchedRoomIds = matches.Where(match => match.Live is not null)
            .Select(match => match.Live!.Id)
            .ToHashSet(StringComparer.Ordinal);
        var rooms = live.Rooms.Where(room => !room.IsTerminated && !matchedRoomIds.Contains(room.Id))
            .OrderBy(room => room.Name, StringComparer.Ordinal)
            .ThenBy(room => room.Id, StringComparer.Ordinal)
            .Select(room => new UnmanagedRoom(room.Name, room.Id))
            .ToList();
        return new UnmanagedObjects(userIds, rooms);
    }
}
