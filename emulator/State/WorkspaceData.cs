namespace Pagecall.Emulator.State;

/// <summary>
/// One workspace's view of the stored state: lookups never return another workspace's objects, and deletes
/// cascade to the objects that depend on the deleted one. Used only under the store's lock.
/// </summary>
internal sealed class WorkspaceData(StateDocument state, string workspaceId, TimeProvider clock)
{
    public string WorkspaceId { get; } = workspaceId;

    public TimeProvider Clock { get; } = clock;

    public IEnumerable<UserEntity> Users => state.Users.Where(user => user.WorkspaceId == WorkspaceId);

    public IEnumerable<RoomEntity> Rooms => state.Rooms.Where(room => room.WorkspaceId == WorkspaceId);

    public UserEntity? FindUser(string userId) => Users.FirstOrDefault(user => user.UserId == userId);

    public UserEntity? FindUserByAccessToken(string accessToken) =>
        Users.FirstOrDefault(user => user.AccessToken == accessToken);

    public RoomEntity? FindRoom(string roomId) => Rooms.FirstOrDefault(room => room.Id == roomId);

    public IEnumerable<MemberEntity> MembersOf(RoomEntity room) =>
        state.Members.Where(member => member.RoomId == room.Id);

    /// <summary>Finds a member of the room by its member id or, failing that, by its user_id.</summary>
    public MemberEntity? FindMember(RoomEntity room, string memberIdOrUserId) =>
        MembersOf(room).FirstOrDefault(member => member.Id == memberIdOrUserId)
        ?? MembersOf(room).FirstOrDefault(member => member.UserId == memberIdOrUserId);

    public IEnumerable<SessionEntity> SessionsOf(RoomEntity room) =>
        state.Sessions.Where(session => session.RoomId == room.Id);

    public DateTime Now() => Identifiers.UtcNowMilliseconds(Clock);

    public void AddUser(UserEntity user) => state.Users.Add(user);

    public void AddRoom(RoomEntity room) => state.Rooms.Add(room);

    public void AddMember(MemberEntity member) => state.Members.Add(member);

    public void AddSession(SessionEntity session) => state.Sessions.Add(session);

    /// <summary>Deletes the user and its memberships in every room of the workspace.</summary>
    public void DeleteUser(UserEntity user)
    {
        var roomIds = Rooms.Select(room => room.Id).ToHashSet();
        state.Members.RemoveAll(member => member.UserId == user.UserId && roomIds.Contains(member.RoomId));
        state.Users.Remove(user);
    }

    /// <summary>Deletes the room with its members and sessions.</summary>
    public void DeleteRoom(RoomEntity room)
    {
        state.Members.RemoveAll(member => member.RoomId == room.Id);
        state.Sessions.RemoveAll(session => session.RoomId == room.Id);
        state.Rooms.Remove(room);
    }

    public void DeleteMember(MemberEntity member) => state.Members.Remove(member);
}
