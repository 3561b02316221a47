using Pagecall.Emulator.State;
using static Pagecall.Emulator.Api.ApiRouting;

namespace Pagecall.Emulator.Api;

/// <summary>
/// The /v1/rooms/{room_id}/sessions route. The emulator has no media server, so a room has sessions only when
/// a test adds them through <see cref="PagecallEmulator.AddSession"/>.
/// </summary>
internal sealed class SessionsApi(EmulatorStore store)
{
    public void Map(RouteGroupBuilder v1) => v1.MapGet("/rooms/{room_id}/sessions", Handle(List));

    private IResult List(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var query = context.Request.Query;
        var window = PageWindow.FromQuery(query);
        var userId = QueryParameters.OptionalString(query, "user_id");
        var isConnecting = QueryParameters.OptionalBoolean(query, "is_connecting");

        var (sessions, paging) = store.Read(context.WorkspaceId(), workspace =>
        {
            var room = workspace.FindRoom(roomId) ?? throw ApiErrors.RoomNotFound("room_id", roomId);
            var matching = workspace.SessionsOf(room)
                .Where(session => userId is null || session.UserId == userId)
                .Where(session => isConnecting is null || (session.DisconnectedAt is null) == isConnecting);
            var ordered = QueryParameters.OrderByCreation(matching, session => session.ConnectedAt, session => session.Id);
            var (page, paging) = window.Apply(ordered);
            return (page.Select(session => session.ToBody(workspace.Clock)).ToList(), paging);
        });
        return Ok(new SessionListEnvelope(sessions, paging), WireJsonContext.Relaxed.SessionListEnvelope);
    }

    /// <summary>Adds a session for a member of the room, connected now, or already closed when not connected.</summary>
    public static SessionEntity Add(WorkspaceData workspace, string roomId, string userId, bool connected)
    {
        var room = workspace.FindRoom(roomId)
            ?? throw new ArgumentException($"No room with id '{roomId}' exists in this workspace.", nameof(roomId));
        var member = workspace.FindMember(room, userId)
            ?? throw new ArgumentException($"The user '{userId}' is not a member of room '{roomId}'.", nameof(userId));
        var now = workspace.Now();
        var session = new SessionEntity
        {
            Id = Identifiers.NewObjectId(now),
            RoomId = room.Id,
            MemberId = member.Id,
            UserId = member.UserId,
            ConnectionId = Identifiers.NewObjectId(now),
            ConnectedAt = now,
            DisconnectedAt = connected ? null : now,
        };
        workspace.AddSession(session);
        room.StartedAt ??= now;
        return session;
    }
}
