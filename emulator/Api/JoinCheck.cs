using Pagecall.Emulator.State;

namespace Pagecall.Emulator.Api;

/// <summary>
/// <c>GET /meet?room_id=…&amp;access_token=…</c> returns whether the join link that Pagecall's tutorial describes
/// would let its holder into the room. It needs no API key, and faults never apply to it.
/// </summary>
internal sealed class JoinCheck(EmulatorStore store)
{
    public void Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet("/meet", ApiRouting.Handle(Check));

    private IResult Check(HttpContext context)
    {
        var roomId = QueryParameters.OptionalString(context.Request.Query, "room_id");
        var accessToken = QueryParameters.OptionalString(context.Request.Query, "access_token");
        if (string.IsNullOrEmpty(roomId))
        {
            return Rejected(StatusCodes.Status400BadRequest, "The query parameter 'room_id' is missing.");
        }

        return store.ReadRoomGlobally(roomId, (workspace, room) =>
            workspace is null || room is null
                ? Rejected(StatusCodes.Status404NotFound, $"No room with id '{roomId}' exists.")
                : Decide(workspace, room, string.IsNullOrEmpty(accessToken) ? null : accessToken));
    }

    /// <summary>
    /// Applies the room type: open admits anyone (an unknown token joins anonymously), public admits any user
    /// of the room's workspace, private admits only the room's members, and a terminated room admits no one.
    /// </summary>
    private static IResult Decide(WorkspaceData workspace, RoomEntity room, string? accessToken)
    {
        if (room.TerminatedAt is not null)
        {
            return Rejected(StatusCodes.Status403Forbidden, "The room is terminated.");
        }

        var user = accessToken is null ? null : workspace.FindUserByAccessToken(accessToken);
        var member = user is null
            ? null
            : workspace.MembersOf(room).FirstOrDefault(candidate => candidate.UserId == user.UserId);

        return room.Type switch
        {
            "open" => Allowed(room, user, member),
            "public" when user is not null => Allowed(room, user, member),
            "public" => Rejected(
                StatusCodes.Status403Forbidden,
                "The room is public: only users of its workspace may join, and the access token matches none."),
            _ when member is not null => Allowed(room, user, member),
            _ => Rejected(
                StatusCodes.Status403Forbidden,
                "The room is private: only its members may join, and the access token matches none of them."),
        };
    }

    private static IResult Allowed(RoomEntity room, UserEntity? user, MemberEntity? member) =>
        TypedResults.Json(
            new JoinAllowed(true, room.Id, user?.UserId, member?.Type),
            WireJsonContext.Relaxed.JoinAllowed);

    private static IResult Rejected(int status, string reason) =>
        TypedResults.Json(new JoinRejected(false, reason), WireJsonContext.Relaxed.JoinRejected, statusCode: status);
}
