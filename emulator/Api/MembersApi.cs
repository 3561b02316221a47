using Pagecall.Emulator.State;
using static Pagecall.Emulator.Api.ApiRouting;

namespace Pagecall.Emulator.Api;

/// <summary>
/// The /v1/rooms/{room_id}/members routes. The {member_id} segment accepts the member's id or its user_id.
/// </summary>
internal sealed class MembersApi(EmulatorStore store)
{
    private static readonly string[] s_addFields = ["user_id", "type"];
    private static readonly string[] s_updateFields = ["type"];

    public void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/rooms/{room_id}/members", Handle(AddAsync));
        v1.MapGet("/rooms/{room_id}/members", Handle(List));
        v1.MapGet("/rooms/{room_id}/members/{member_id}", Handle(Get));
        v1.MapPut("/rooms/{room_id}/members/{member_id}", Handle(UpdateAsync));
        v1.MapDelete("/rooms/{room_id}/members/{member_id}", Handle(Remove));
    }

    /// <summary>Adds a workspace user to the room, or updates the type of an existing membership.</summary>
    private async Task<IResult> AddAsync(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_addFields);
        var request = new Membership.Request(
            body.RequiredNonEmptyString("user_id"),
            body.OptionalChoice("type", MemberTypes),
            DisplayName: null,
            UserIdField: "user_id");

        var member = store.Write(context.WorkspaceId(), workspace =>
        {
            var room = FindRoom(workspace, roomId);
            Membership.RequireOpen(room);
            var user = Membership.RequireUser(workspace, request);
            return Membership.Upsert(workspace, room, user, request).ToBody(workspace);
        });
        return Ok(new MemberEnvelope(member), WireJsonContext.Relaxed.MemberEnvelope);
    }

    private IResult List(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var window = PageWindow.FromQuery(context.Request.Query);
        var (members, paging) = store.Read(context.WorkspaceId(), workspace =>
        {
            var room = FindRoom(workspace, roomId);
            var ordered = QueryParameters.OrderByCreation(
                workspace.MembersOf(room), member => member.CreatedAt, member => member.Id);
            var (page, paging) = window.Apply(ordered);
            return (page.Select(member => member.ToBody(workspace)).ToList(), paging);
        });
        return Ok(new MemberListEnvelope(members, paging), WireJsonContext.Relaxed.MemberListEnvelope);
    }

    private IResult Get(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var memberId = context.RouteValue("member_id");
        var member = store.Read(context.WorkspaceId(), workspace =>
        {
            var room = FindRoom(workspace, roomId);
            return FindMember(workspace, room, memberId).ToBody(workspace);
        });
        return Ok(new MemberEnvelope(member), WireJsonContext.Relaxed.MemberEnvelope);
    }

    /// <summary>Changes the type of a member; type is the only accepted field and is required.</summary>
    private async Task<IResult> UpdateAsync(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var memberId = context.RouteValue("member_id");
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_updateFields);
        var type = body.RequiredChoice("type", MemberTypes);

        var member = store.Write(context.WorkspaceId(), workspace =>
        {
            var room = FindRoom(workspace, roomId);
            var existing = FindMember(workspace, room, memberId);
            Membership.RequireOpen(room);
            if (existing.Type != type)
            {
                existing.Type = type;
                existing.UpdatedAt = Identifiers.NextUpdateTime(workspace.Clock, existing.UpdatedAt);
            }

            return existing.ToBody(workspace);
        });
        return Ok(new MemberEnvelope(member), WireJsonContext.Relaxed.MemberEnvelope);
    }

    /// <summary>Removes a member from the room, returning the removed member.</summary>
    private IResult Remove(HttpContext context)
    {
        var roomId = context.RouteValue("room_id");
        var memberId = context.RouteValue("member_id");
        var member = store.Write(context.WorkspaceId(), workspace =>
        {
            var room = FindRoom(workspace, roomId);
            var existing = FindMember(workspace, room, memberId);
            Membership.RequireOpen(room);
            var body = existing.ToBody(workspace);
            workspace.DeleteMember(existing);
            return body;
        });
        return Ok(new MemberEnvelope(member), WireJsonContext.Relaxed.MemberEnvelope);
    }

    private static RoomEntity FindRoom(WorkspaceData workspace, string roomId) =>
        workspace.FindRoom(roomId) ?? throw ApiErrors.RoomNotFound("room_id", roomId);

    private static MemberEntity FindMember(WorkspaceData workspace, RoomEntity room, string memberId) =>
        workspace.FindMember(room, memberId) ?? throw ApiErrors.MemberNotFound(room.Id, memberId);
}
