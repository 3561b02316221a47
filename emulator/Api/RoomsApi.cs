using Pagecall.Emulator.State;
using static Pagecall.Emulator.Api.ApiRouting;

namespace Pagecall.Emulator.Api;

/// <summary>The /v1/rooms routes.</summary>
internal sealed class RoomsApi(EmulatorStore store)
{
    private static readonly string[] s_createFields =
        ["name", "type", "record", "max_meeting_seconds", "members", "webhook"];

    private static readonly string[] s_memberEntryFields = ["user_id", "type", "name"];
    private static readonly string[] s_webhookFields = ["url", "headers"];
    private static readonly string[] s_updateFields = ["name", "is_terminated"];

    /// <summary>The paging object of a create-room response. Pagecall's example shows exactly these values.</summary>
    private static readonly Paging s_createPaging = new(PageWindow.DefaultLimit, 0, 0);

    public void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/rooms", Handle(CreateAsync));
        v1.MapGet("/rooms", Handle(List));
        v1.MapGet("/rooms/{id}", Handle(Get));
        v1.MapPut("/rooms/{id}", Handle(UpdateAsync));
        v1.MapDelete("/rooms/{id}", Handle(Delete));
    }

    /// <summary>Creates a room with its members; an invalid member entry rejects the whole request.</summary>
    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_createFields);
        var name = body.RequiredNonEmptyString("name");
        var type = body.RequiredChoice("type", RoomTypes);
        var record = body.OptionalBoolean("record") ?? true;
        var maxMeetingSeconds = body.OptionalInteger("max_meeting_seconds");
        if (maxMeetingSeconds is <= 0)
        {
            throw ApiErrors.Invalid(
                "max_meeting_seconds",
                $"The field 'max_meeting_seconds' must be a positive integer, not {maxMeetingSeconds}.");
        }

        var members = ReadMemberEntries(body);
        var webhook = ReadWebhook(body);

        var room = store.Write(context.WorkspaceId(), workspace =>
        {
            var users = members.Select(member => Membership.RequireUser(workspace, member)).ToList();
            var now = workspace.Now();
            var created = new RoomEntity
            {
                Id = Identifiers.NewObjectId(now),
                WorkspaceId = workspace.WorkspaceId,
                Name = name,
                Type = type,
                Record = record,
                MaxMeetingSeconds = maxMeetingSeconds,
                Layout = WireMapping.DefaultLayout,
                Webhook = webhook,
                CreatedAt = now,
                UpdatedAt = now,
            };
            workspace.AddRoom(created);
            for (var index = 0; index < members.Count; index++)
            {
                Membership.Upsert(workspace, created, users[index], members[index]);
            }

            return created.ToBody();
        });
        return Ok(new CreateRoomEnvelope(room, s_createPaging), WireJsonContext.Relaxed.CreateRoomEnvelope);
    }

    private IResult List(HttpContext context)
    {
        var query = context.Request.Query;
        var window = PageWindow.FromQuery(query);
        var newestFirst = QueryParameters.NewestFirst(query);
        var name = QueryParameters.OptionalString(query, "name");
        var layout = QueryParameters.OptionalString(query, "layout");
        var isTerminated = QueryParameters.OptionalBoolean(query, "is_terminated");

        var (rooms, paging) = store.Read(context.WorkspaceId(), workspace =>
        {
            var matching = workspace.Rooms
                .Where(room => name is null || room.Name == name)
                .Where(room => layout is null || room.Layout == layout)
                .Where(room => isTerminated is null || (room.TerminatedAt is not null) == isTerminated);
            var ordered = QueryParameters.OrderByCreation(matching, room => room.CreatedAt, room => room.Id, newestFirst);
            var (page, paging) = window.Apply(ordered);
            return (page.Select(room => room.ToBody()).ToList(), paging);
        });
        return Ok(new RoomListEnvelope(rooms, paging), WireJsonContext.Relaxed.RoomListEnvelope);
    }

    private IResult Get(HttpContext context)
    {
        var roomId = context.RouteValue("id");
        var room = store.Read(context.WorkspaceId(), workspace =>
            (workspace.FindRoom(roomId) ?? throw ApiErrors.RoomNotFound("id", roomId)).ToBody());
        return Ok(new RoomEnvelope(room), WireJsonContext.Relaxed.RoomEnvelope);
    }

    /// <summary>
    /// Renames or terminates a room. Only name and is_terminated are accepted, and a terminated room cannot
    /// be reopened.
    /// </summary>
    private async Task<IResult> UpdateAsync(HttpContext context)
    {
        var roomId = context.RouteValue("id");
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_updateFields);
        var name = body.Has("name") ? body.RequiredNonEmptyString("name") : null;
        var terminate = body.OptionalBoolean("is_terminated");

        var room = store.Write(context.WorkspaceId(), workspace =>
        {
            var existing = workspace.FindRoom(roomId) ?? throw ApiErrors.RoomNotFound("id", roomId);
            if (terminate == false && existing.TerminatedAt is not null)
            {
                throw ApiErrors.Invalid(
                    "is_terminated",
                    $"The room '{roomId}' is terminated and cannot be reopened. Create a new room instead.");
            }

            var changed = false;
            if (name is not null && name != existing.Name)
            {
                existing.Name = name;
                changed = true;
            }

            if (terminate == true && existing.TerminatedAt is null)
            {
                existing.TerminatedAt = workspace.Now();
                changed = true;
            }

            if (changed)
            {
                existing.UpdatedAt = Identifiers.NextUpdateTime(workspace.Clock, existing.UpdatedAt);
            }

            return existing.ToBody();
        });
        return Ok(new RoomEnvelope(room), WireJsonContext.Relaxed.RoomEnvelope);
    }

    /// <summary>Deletes the room with its members and sessions, returning the deleted room.</summary>
    private IResult Delete(HttpContext context)
    {
        var roomId = context.RouteValue("id");
        var room = store.Write(context.WorkspaceId(), workspace =>
        {
            var existing = workspace.FindRoom(roomId) ?? throw ApiErrors.RoomNotFound("id", roomId);
            workspace.DeleteRoom(existing);
            return existing.ToBody();
        });
        return Ok(new RoomEnvelope(room), WireJsonContext.Relaxed.RoomEnvelope);
    }

    private static List<Membership.Request> ReadMemberEntries(JsonBody body)
    {
        var entries = body.OptionalObjectArray("members");
        var requests = new List<Membership.Request>(entries.Count);
        for (var index = 0; index < entries.Count; index++)
        {
            var entry = entries[index];
            entry.RejectUnknownFields(s_memberEntryFields);
            requests.Add(new Membership.Request(
                entry.RequiredNonEmptyString("user_id"),
                entry.OptionalChoice("type", MemberTypes),
                entry.OptionalString("name"),
                UserIdField: $"members[{index}].user_id"));
        }

        return requests;
    }

    /// <summary>Validates the webhook object; the emulator stores it but never calls it.</summary>
    private static System.Text.Json.Nodes.JsonObject? ReadWebhook(JsonBody body)
    {
        var webhook = body.OptionalNested("webhook");
        if (webhook is null)
        {
            return null;
        }

        webhook.RejectUnknownFields(s_webhookFields);
        webhook.RequiredHttpUrl("url");
        webhook.OptionalStringMap("headers");
        return webhook.CloneObject();
    }
}
