using System.Globalization;
using System.Text.RegularExpressions;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Canned responses for every operation of specs/pagecall.v1.yaml, served by <see cref="LoopbackApiServer"/>. The
/// bodies carry fields the spec does not list and enum values it does not know, as a newer server would send.
/// Lists page over fixed item counts by the offset and limit query values.
/// </summary>
internal static partial class CannedPagecallApi
{
    /// <summary>The user_id for which every user operation returns 404.</summary>
    public const string MissingUserId = "missing";

    /// <summary>The request id of the 404 response.</summary>
    public const string RequestId = "req-4f2a";

    /// <summary>The room name filter for which the room list loses an item between pages.</summary>
    public const string LossyRoomName = "lossy";

    /// <summary>How many users, rooms, members and sessions the lists hold.</summary>
    public const int ListTotal = 5;

    /// <summary>A user with an unknown member type and two fields the spec does not list.</summary>
    public const string User = """
        {
          "id": "642d103ce95bc9dc22ef789f",
          "user_id": "external_user_102932",
          "name": "Ada",
          "profile_url": "https://example.invalid/ada.png",
          "default_member_type": "moderator",
          "access_token": "fake-token-for-tests",
          "application_id": "app-1",
          "organization_id": "org-1",
          "metadata": { "team": "blue", "level": 3, "tags": ["a", "b"] },
          "created_at": "2023-01-01T01:00:00.000Z",
          "updated_at": "2023-01-02T01:00:00.000Z",
          "future_field": { "nested": [1, 2, 3] },
          "score": 12.5
        }
        """;

    /// <summary>A room with an unknown room type and one field the spec does not list.</summary>
    public const string Room = """
        {
          "id": "000585f36eed9e8fb6b655b4",
          "application_id": "app-1",
          "type": "webinar",
          "name": "Weekly sync",
          "thumbnail_url": "https://example.invalid/thumb.png",
          "layout": "grid",
          "record": true,
          "max_meeting_seconds": 3600,
          "meeting_time": 5000000000,
          "started_at": "2023-01-01T01:00:00.000Z",
          "created_at": "2023-01-01T00:00:00.000Z",
          "updated_at": "2023-01-01T02:00:00.000Z",
          "is_terminated": false,
          "created_user_id": "external_user_102932",
          "is_ephemeral": false,
          "is_recurring": true,
          "recording_url": "https://example.invalid/rec.mp4"
        }
        """;

    /// <summary>A member of a known type, with one field the spec does not list.</summary>
    public const string Member = """
        {
          "id": "member-1",
          "room_id": "000585f36eed9e8fb6b655b4",
          "user_id": "external_user_102932",
          "type": "host",
          "name": "Ada in the room",
          "created_at": "2023-01-01T00:00:00.000Z",
          "updated_at": "2023-01-01T00:00:00.000Z",
          "muted": true
        }
        """;

    /// <summary>A session with every field set.</summary>
    public const string Session = """
        {
          "id": "session-1",
          "room_id": "000585f36eed9e8fb6b655b4",
          "member_id": "member-1",
          "user_id": "external_user_102932",
          "connection_id": "conn-1",
          "connected_at": "2023-01-01T01:00:00.000Z",
          "disconnected_at": "2023-01-01T02:00:00.000Z",
          "elapsed_time": 3600000,
          "ip_address": "127.0.0.1",
          "user_agent": "tests",
          "app_version": "1.2.3"
        }
        """;

    /// <summary>The error body of the 404 answer, with one field the spec does not list.</summary>
    public const string NotFoundError = """
        {"status": 404, "code": "not_found", "message": "No user has that user_id.", "field": null, "trace": "t-1"}
        """;

    /// <summary>Answers one request; an unknown route gets status 599 so a test failure names it.</summary>
    public static CannedResponse Respond(RecordedRequest request)
    {
        var path = request.Path;
        return (request.Method, path) switch
        {
            ("POST", "/v1/users") => Ok("user", User),
            ("GET", "/v1/users") => Page(request, "users", index => WithId(User, "user_id", $"user-{index}")),
            (_, _) when UserPath().Match(path) is { Success: true } match => RespondUser(match.Groups[1].Value),
            ("POST", "/v1/rooms") => new CannedResponse(200,
                "{\"room\": " + Room + ", \"paging\": {\"limit\": 30, \"offset\": 0, \"total\": 0}}"),
            ("GET", "/v1/rooms") => request.Query.GetValueOrDefault("name")?.FirstOrDefault() == LossyRoomName
                ? LossyPage(request)
                : Page(request, "rooms", index => WithId(Room, "id", $"room-{index}")),
            (_, _) when RoomPath().IsMatch(path) => Ok("room", Room),
            ("GET", _) when MembersPath().IsMatch(path) =>
                Page(request, "members", index => WithId(Member, "id", $"member-{index}")),
            ("POST", _) when MembersPath().IsMatch(path) => Ok("member", Member),
            (_, _) when MemberPath().IsMatch(path) => Ok("member", Member),
            ("GET", _) when SessionsPath().IsMatch(path) =>
                Page(request, "sessions", index => WithId(Session, "id", $"session-{index}")),
            _ => new CannedResponse(599, $"No canned answer for {request.Method} {path}."),
        };
    }

    private static CannedResponse RespondUser(string userId) =>
        userId == MissingUserId
            ? new CannedResponse(404, NotFoundError, new Dictionary<string, string> { ["x-request-id"] = RequestId })
            : Ok("user", User);

    private static CannedResponse Ok(string property, string item) =>
        new(200, $$"""{"{{property}}": {{item}}}""");

    /// <summary>Returns the page the offset and limit select out of <see cref="ListTotal"/> items.</summary>
    private static CannedResponse Page(RecordedRequest request, string property, Func<int, string> item)
    {
        var offset = QueryInt(request, "offset") ?? 0;
        var limit = QueryInt(request, "limit") ?? 30;
        var items = Enumerable.Range(offset, Math.Max(0, Math.Min(limit, ListTotal - offset))).Select(item);
        return new CannedResponse(200, $"{{\"{property}\": [{string.Join(",", items)}], "
            + $"\"paging\": {{\"limit\": {limit}, \"offset\": {offset}, \"total\": {ListTotal}}}}}");
    }

    /// <summary>Reports three rooms but serves two and then an empty page, as if one was deleted meanwhile.</summary>
    private static CannedResponse LossyPage(RecordedRequest request)
    {
        var offset = QueryInt(request, "offset") ?? 0;
        var items = offset == 0 ? $"{WithId(Room, "id", "room-0")},{WithId(Room, "id", "room-1")}" : "";
        return new CannedResponse(200,
            $"{{\"rooms\": [{items}], \"paging\": {{\"limit\": 2, \"offset\": {offset}, \"total\": 3}}}}");
    }

    private static int? QueryInt(RecordedRequest request, string name) =>
        request.Query.TryGetValue(name, out var values)
            ? int.Parse(values.Single(), CultureInfo.InvariantCulture)
            : null;

    /// <summary>Replaces the value of the string property <paramref name="property"/> in a canned object.</summary>
    private static string WithId(string json, string property, string value) =>
        Regex.Replace(json, $"\"{property}\": \"[^\"]*\"", $"\"{property}\": \"{value}\"",
            RegexOptions.None, TimeSpan.FromSeconds(1));

    [GeneratedRegex("^/v1/users/([^/]+)$")]
    private static partial Regex UserPath();

    [GeneratedRegex("^/v1/rooms/[^/]+$")]
    private static partial Regex RoomPath();

    [GeneratedRegex("^/v1/rooms/[^/]+/members$")]
    private static partial Regex MembersPath();

    [GeneratedRegex("^/v1/rooms/[^/]+/members/[^/]+$")]
    private static partial Regex MemberPath();

    [GeneratedRegex("^/v1/rooms/[^/]+/sessions$")]
    private static partial Regex SessionsPath();
}
