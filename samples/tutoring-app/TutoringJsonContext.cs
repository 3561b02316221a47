using System.Text.Json.Serialization;

namespace Pagecall.Samples.Tutoring;

/// <summary>Body of <c>POST /users</c>.</summary>
/// <param name="UserId">The id your service assigns to the user. Required.</param>
/// <param name="Name">The display name.</param>
/// <param name="ProfileUrl">The address of the profile image.</param>
public sealed record RegisterUserBody(
    [property: JsonPropertyName("user_id")] string? UserId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("profile_url")] string? ProfileUrl);

/// <summary>Response of <c>POST /users</c>. The access token stays on the server.</summary>
/// <param name="UserId">The id your service assigned to the user.</param>
/// <param name="Name">The display name Pagecall stores.</param>
public sealed record RegisteredUser(
    [property: JsonPropertyName("user_id")] string UserId,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>Body of <c>POST /rooms</c>.</summary>
/// <param name="HostUserId">The user_id of the host, such as the mentor. Required.</param>
/// <param name="GuestUserId">The user_id of the guest, such as the mentee. Required.</param>
/// <param name="Name">The room name. The default is "One-on-One: {host} &amp; {guest}".</param>
public sealed record CreateTutoringRoomBody(
    [property: JsonPropertyName("host_user_id")] string? HostUserId,
    [property: JsonPropertyName("guest_user_id")] string? GuestUserId,
    [property: JsonPropertyName("name")] string? Name);

/// <summary>Response of <c>POST /rooms</c>.</summary>
/// <param name="RoomId">The id Pagecall assigned to the room.</param>
/// <param name="Name">The room name.</param>
/// <param name="HostUserId">The user_id of the host.</param>
/// <param name="GuestUserId">The user_id of the guest.</param>
public sealed record TutoringRoom(
    [property: JsonPropertyName("room_id")] string RoomId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("host_user_id")] string HostUserId,
    [property: JsonPropertyName("guest_user_id")] string GuestUserId);

/// <summary>
/// Compile-time JSON code for the app's own request and response bodies, so minimal APIs need no reflection.
/// The names are attributes, because minimal APIs apply their own naming policy to a context added to their options.
/// </summary>
[JsonSerializable(typeof(RegisterUserBody))]
[JsonSerializable(typeof(RegisteredUser))]
[JsonSerializable(typeof(CreateTutoringRoomBody))]
[JsonSerializable(typeof(TutoringRoom))]
internal sealed partial class TutoringJsonContext : JsonSerializerContext;
