using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Pagecall.Emulator.Api;

// The JSON shapes of Pagecall API v1 responses. Property names become snake_case through WireJsonContext.

internal sealed record ErrorBody(int Status, string Code, string Message, string? Field);

internal sealed record Paging(int Limit, int Offset, int Total);

internal sealed record UserBody(
    string Id,
    string UserId,
    string? Name,
    string? Nickname,
    string? ProfileUrl,
    string DefaultMemberType,
    string AccessToken,
    string ApplicationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] JsonObject? Metadata,
    string CreatedAt,
    string UpdatedAt);

internal sealed record RoomBody(
    string Id,
    string ApplicationId,
    string Type,
    string Name,
    string? ThumbnailUrl,
    string Layout,
    bool Record,
    long? MaxMeetingSeconds,
    long MeetingTime,
    string? StartedAt,
    string? TerminatedAt,
    string CreatedAt,
    string UpdatedAt,
    bool IsTerminated,
    string? CreatedUserId,
    string? LastThumbnailUpdatedAt,
    string? RoomTemplateId,
    bool IsEphemeral,
    bool IsRecurring);

internal sealed record MemberBody(
    string Id,
    string RoomId,
    string UserId,
    string Type,
    string? Name,
    string CreatedAt,
    string UpdatedAt);

internal sealed record SessionBody(
    string Id,
    string RoomId,
    string MemberId,
    string? UserId,
    string ConnectionId,
    string ConnectedAt,
    string? DisconnectedAt,
    long ElapsedTime,
    string IpAddress,
    string UserAgent,
    string AppVersion);

internal sealed record UserEnvelope(UserBody User);

internal sealed record UserListEnvelope(IReadOnlyList<UserBody> Users, Paging Paging);

internal sealed record CreateRoomEnvelope(RoomBody Room, Paging Paging);

internal sealed record RoomEnvelope(RoomBody Room);

internal sealed record RoomListEnvelope(IReadOnlyList<RoomBody> Rooms, Paging Paging);

internal sealed record MemberEnvelope(MemberBody Member);

internal sealed record MemberListEnvelope(IReadOnlyList<MemberBody> Members, Paging Paging);

internal sealed record SessionListEnvelope(IReadOnlyList<SessionBody> Sessions, Paging Paging);

internal sealed record JoinAllowed(bool Allowed, string RoomId, string? UserId, string? MemberType);

internal sealed record JoinRejected(bool Allowed, string Reason);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ErrorBody))]
[JsonSerializable(typeof(UserEnvelope))]
[JsonSerializable(typeof(UserListEnvelope))]
[JsonSerializable(typeof(CreateRoomEnvelope))]
[JsonSerializable(typeof(RoomEnvelope))]
[JsonSerializable(typeof(RoomListEnvelope))]
[JsonSerializable(typeof(MemberEnvelope))]
[JsonSerializable(typeof(MemberListEnvelope))]
[JsonSerializable(typeof(SessionListEnvelope))]
[JsonSerializable(typeof(JoinAllowed))]
[JsonSerializable(typeof(JoinRejected))]
internal sealed partial class WireJsonContext : JsonSerializerContext
{
    /// <summary>
    /// The context that responses use. Its encoder leaves quotes and angle brackets unescaped, so messages read
    /// as written; every response is application/json, never embedded in HTML.
    /// </summary>
    public static WireJsonContext Relaxed { get; } = CreateRelaxed();

    private static WireJsonContext CreateRelaxed()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        return new WireJsonContext(options);
    }
}
