using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pagecall.Api;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Live;

/// <summary>
/// Reads the live workspace through the generated Pagecall client: every page of users and rooms, then the members
/// of each live room that a manifest room with a member list matches.
/// </summary>
/// <remarks>
/// Throws <see cref="IncompleteReadException"/> when a list does not add up to its <c>paging.total</c>, and lets
/// <see cref="PagecallClientApiException"/> through for API errors. Only reads: it sends no write request.
/// </remarks>
public sealed class LiveWorkspaceReader
{
    /// <summary>Items requested per page. Servers may return fewer; the reader follows what they return.</summary>
    public const int DefaultPageSize = 100;

    // Oldest first, so that an object created during the read lands on the last page instead of shifting the
    // pages already read.
    private const string OldestFirst = "+created_at";

    private readonly IPagecallClient _client;
    private readonly ILogger _logger;
    private readonly int _pageSize;

    public LiveWorkspaceReader(IPagecallClient client, ILogger<LiveWorkspaceReader>? logger = null,
        int pageSize = DefaultPageSize)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        _client = client;
        _logger = logger ?? NullLogger<LiveWorkspaceReader>.Instance;
        _pageSize = pageSize;
    }

    /// <summary>Reads the users, the rooms, and the members of the rooms whose members <paramref name="manifest"/> lists.</summary>
    public async Task<LiveWorkspace> ReadAsync(WorkspaceManifest manifest, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var users = await ReadUsersAsync(cancellationToken).ConfigureAwait(false);
        var rooms = await ReadRoomsAsync(cancellationToken).ConfigureAwait(false);
        var roomIds = RoomsWithManagedMembers(manifest, rooms);
        var withMembers = new List<LiveRoom>(rooms.Count);
        foreach (var room in rooms)
        {
            var members = roomIds.Contains(room.Id)
                ? await ReadMembersAsync(room.Id, cancellationToken).ConfigureAwait(false)
                : null;
            withMembers.Add(room with { Members = members });
        }

        return new LiveWorkspace(users, withMembers);
    }

    /// <summary>Reads every user of the workspace.</summary>
    public async Task<IReadOnlyList<LiveUser>> ReadUsersAsync(CancellationToken cancellationToken = default)
    {
        var users = await PagedReader.ReadAllAsync(
            "users",
            _pageSize,
            async (offset, limit, token) =>
            {
                var page = await _client.ListUsersAsync(offset, limit, OldestFirst, token).ConfigureAwait(false);
                LogPage("users", offset, page.Users.Count, page.Paging);
                return new Page<User>(page.Users, page.Paging);
            },
            user => user.UserId,
            cancellationToken).ConfigureAwait(false);
        return users.Select(ToLive).ToList();
    }

    /// <summary>Reads every room of the workspace, terminated rooms included.</summary>
    public async Task<IReadOnlyList<LiveRoom>> ReadRoomsAsync(CancellationToken cancellationToken = default)
    {
        var rooms = await PagedReader.ReadAllAsync(
            "rooms",
            _pageSize,
            async (offset, limit, token) =>
            {
                var page = await _client.ListRoomsAsync(offset, limit, sortBy: OldestFirst, cancellationToken: token).ConfigureAwait(false);
                LogPage("rooms", offset, page.Rooms.Count, page.Paging);
                return new Page<Room>(page.Rooms, page.Paging);
            },
            room => room.Id,
            cancellationToken).ConfigureAwait(false);
        return rooms.Select(ToLive).ToList();
    }

    /// <summary>Reads every member of the room with id <paramref name="roomId"/>.</summary>
    public async Task<IReadOnlyList<LiveMember>> ReadMembersAsync(string roomId, CancellationToken cancellationToken = default)
    {
        var list = $"members of room {roomId}";
        var members = await PagedReader.ReadAllAsync(
            list,
            _pageSize,
            async (offset, limit, token) =>
            {
                var page = await _client.ListMembersAsync(roomId, offset, limit, token).ConfigureAwait(false);
                LogPage(list, offset, page.Members.Count, page.Paging);
                return new Page<Member>(page.Members, page.Paging);
            },
            member => member.UserId,
            cancellationToken).ConfigureAwait(false);
        return members.Select(member => new LiveMember(member.Id, member.UserId, member.Type?.Value)).ToList();
    }

    /// <summary>
    /// Returns the ids of the live rooms whose members the planner compares: those matched by a manifest room that
    /// lists members. Rooms that fail to match are skipped, because the planner reports them as errors.
    /// </summary>
    private static HashSet<string> RoomsWithManagedMembers(WorkspaceManifest manifest, IReadOnlyList<LiveRoom> rooms)
    {
        var (matches, _) = RoomMatcher.Match(manifest.Rooms ?? ValueList<ManifestRoom>.Empty, rooms);
        return matches
            .Where(match => match.Live is not null && match.Room.Members is not null)
            .Select(match => match.Live!.Id)
            .ToHashSet(StringComparer.Ordinal);
    }

    private void LogPage(string list, int offset, int count, Paging? paging) =>
        _logger.LogDebug("Read {Count} {List} at offset {Offset}, paging.total {Total}.",
            count, list, offset, paging?.Total);

    private static LiveUser ToLive(User user) => new(
        user.Id,
        user.UserId,
        user.Name,
        user.ProfileUrl,
        user.DefaultMemberType?.Value,
        user.AccessToken is null ? null : new SensitiveValue(user.AccessToken));

    private static LiveRoom ToLive(Room room) => new(
        room.Id,
        room.Name,
        room.Type.Value,
        room.Record,
        room.MaxMeetingSeconds,
        room.IsTerminated ?? room.TerminatedAt is not null);
}
