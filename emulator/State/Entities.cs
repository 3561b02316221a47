using System.Text.Json.Nodes;

namespace Pagecall.Emulator.State;

/// <summary>A workspace user as the emulator stores it.</summary>
internal sealed class UserEntity
{
    public required string Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string UserId { get; set; }
    public string? Name { get; set; }
    public string? Nickname { get; set; }
    public string? ProfileUrl { get; set; }
    public required string DefaultMemberType { get; set; }
    public required string AccessToken { get; set; }
    public JsonObject? Metadata { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A meeting room as the emulator stores it.</summary>
internal sealed class RoomEntity
{
    public required string Id { get; set; }
    public required string WorkspaceId { get; set; }
    public required string Name { get; set; }
    public required string Type { get; set; }
    public bool Record { get; set; }
    public long? MaxMeetingSeconds { get; set; }
    public required string Layout { get; set; }
    public long MeetingTime { get; set; }
    public JsonObject? Webhook { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? TerminatedAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A user's membership in one room.</summary>
internal sealed class MemberEntity
{
    public required string Id { get; set; }
    public required string RoomId { get; set; }
    public required string UserId { get; set; }
    public required string Type { get; set; }

    /// <summary>Display name given when the member was added with the room; null means the user's name.</summary>
    public string? DisplayName { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>A connection of a member to a room, added only through the test hook.</summary>
internal sealed class SessionEntity
{
    public required string Id { get; set; }
    public required string RoomId { get; set; }
    public required string MemberId { get; set; }
    public string? UserId { get; set; }
    public required string ConnectionId { get; set; }
    public DateTime ConnectedAt { get; set; }
    public DateTime? DisconnectedAt { get; set; }
}

/// <summary>Everything the emulator stores, in the shape of the state file.</summary>
internal sealed class StateDocument
{
    public const int CurrentVersion = 1;

    public int Version { get; set; } = CurrentVersion;
    public List<UserEntity> Users { get; set; } = [];
    public List<RoomEntity> Rooms { get; set; } = [];
    public List<MemberEntity> Members { get; set; } = [];
    public List<SessionEntity> Sessions { get; set; } = [];
}
