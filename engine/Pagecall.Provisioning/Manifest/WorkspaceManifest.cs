namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// A validated workspace manifest: the users, rooms and room members that the provisioning engine manages.
/// </summary>
/// <param name="Version">Manifest format version. Always 1.</param>
/// <param name="Users">Declared users, or null when the manifest has no <c>users</c> key.</param>
/// <param name="Rooms">Declared rooms, or null when the manifest has no <c>rooms</c> key.</param>
/// <param name="Position">Position of the top-level mapping.</param>
/// <remarks>
/// A null list and an empty list are different intents: a missing key leaves that kind of object alone, an
/// explicit empty list declares that there are none.
/// </remarks>
public sealed record WorkspaceManifest(
    int Version,
    ValueList<ManifestUser>? Users,
    ValueList<ManifestRoom>? Rooms,
    SourcePosition Position);

/// <summary>
/// A workspace user, keyed by <see cref="UserId"/>. Each optional field is null when the manifest leaves it out,
/// and the engine then leaves the live value alone.
/// </summary>
/// <param name="UserId">The id the customer's service assigns, used in every user path of the API.</param>
/// <param name="Name">Display name, or null when unmanaged.</param>
/// <param name="ProfileUrl">Absolute http(s) URL of the profile image, or null when unmanaged.</param>
/// <param name="DefaultMemberType">Member type used when the user joins a room, or null when unmanaged.</param>
/// <param name="Position">Position of the user's mapping.</param>
/// <param name="Path">Key path of the user, such as <c>users[0]</c>.</param>
/// <param name="Fields">Position of the value of each key the manifest sets on this user.</param>
public sealed record ManifestUser(
    string UserId,
    string? Name,
    string? ProfileUrl,
    MemberType? DefaultMemberType,
    SourcePosition Position,
    string Path,
    FieldPositions Fields);

/// <summary>
/// A room. Without <see cref="Id"/> it is identified by <see cref="Name"/>. With an id pinned, the name is an
/// ordinary attribute that can change.
/// </summary>
/// <param name="Name">Room name.</param>
/// <param name="Id">Pinned live room id (24 lowercase hex characters), or null.</param>
/// <param name="RenamedFrom">Previous name of the room, so that a rename updates the room instead of
/// replacing it, or null.</param>
/// <param name="Type">Who may join the room.</param>
/// <param name="Record">Whether meetings are recorded, or null when unmanaged. Settable at creation only.</param>
/// <param name="MaxMeetingSeconds">Meeting time after which the room terminates, or null when unmanaged.
/// Settable at creation only.</param>
/// <param name="Members">The complete member list, or null when the manifest does not manage members.</param>
/// <param name="Position">Position of the room's mapping.</param>
/// <param name="Path">Key path of the room, such as <c>rooms[2]</c>.</param>
/// <param name="Fields">Position of the value of each key the manifest sets on this room.</param>
public sealed record ManifestRoom(
    string Name,
    string? Id,
    string? RenamedFrom,
    RoomType Type,
    bool? Record,
    int? MaxMeetingSeconds,
    ValueList<ManifestMember>? Members,
    SourcePosition Position,
    string Path,
    FieldPositions Fields);

/// <summary>A user's membership in a room.</summary>
/// <param name="UserId">The member's user id. The user may be declared in the manifest or exist only live.</param>
/// <param name="Type">Member type. <see cref="MemberType.Guest"/> when the manifest leaves it out.</param>
/// <param name="TypeDefaulted">True when the manifest has no <c>type</c> key and <see cref="Type"/> is the
/// default.</param>
/// <param name="Position">Position of the member's mapping.</param>
/// <param name="Path">Key path of the member, such as <c>rooms[2].members[0]</c>.</param>
/// <param name="Fields">Position of the value of each key the manifest sets on this member.</param>
public sealed record ManifestMember(
    string UserId,
    MemberType Type,
    bool TypeDefaulted,
    SourcePosition Position,
    string Path,
    FieldPositions Fields);

/// <summary>
/// A member whose user is not declared under <c>users</c>. It is valid when the user exists in the live
/// workspace, which the planner checks.
/// </summary>
/// <param name="UserId">The referenced user id.</param>
/// <param name="RoomName">Name of the room that lists the member.</param>
/// <param name="Path">Key path of the member's <c>user_id</c>, such as <c>rooms[2].members[0].user_id</c>.</param>
/// <param name="Position">Position of the <c>user_id</c> value.</param>
public sealed record ExternalUserReference(string UserId, string RoomName, string Path, SourcePosition Position);
