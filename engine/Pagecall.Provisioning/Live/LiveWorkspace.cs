namespace Pagecall.Provisioning.Live;

/// <summary>
/// The state of a Pagecall workspace as the reader found it: every user, every room (terminated ones included)
/// and the members of the rooms the manifest manages.
/// </summary>
/// <param name="Users">Every user of the workspace, in the order the API lists them.</param>
/// <param name="Rooms">Every room of the workspace, in the order the API lists them.</param>
public sealed record LiveWorkspace(IReadOnlyList<LiveUser> Users, IReadOnlyList<LiveRoom> Rooms)
{
    public static LiveWorkspace Empty { get; } = new([], []);
}

/// <summary>A live user. Fields that the API did not return are null.</summary>
/// <param name="Id">Internal id that Pagecall assigned, or null when the API did not return one.</param>
/// <param name="UserId">The id the customer's service assigned, which is the user's identity.</param>
/// <param name="Name">Display name, or null when the user has none.</param>
/// <param name="ProfileUrl">Address of the profile image, or null when the user has none.</param>
/// <param name="DefaultMemberType">Wire name of the default member type, such as <c>guest</c>, or null when the API
/// did not return it.</param>
/// <param name="AccessToken">The credential in the user's join links. Its <c>ToString</c> never shows it.</param>
public sealed record LiveUser(
    string? Id,
    string UserId,
    string? Name,
    string? ProfileUrl,
    string? DefaultMemberType,
    SensitiveValue? AccessToken = null);

/// <summary>A live room. Fields that the API did not return are null.</summary>
/// <param name="Id">Room id, 24 lowercase hex characters.</param>
/// <param name="Name">Room name. Names are not unique: terminated rooms keep theirs.</param>
/// <param name="Type">Wire name of the room type, such as <c>private</c>.</param>
/// <param name="Record">Whether meetings are recorded, or null when the API did not return it.</param>
/// <param name="MaxMeetingSeconds">Meeting time limit, or null when the API did not return it.</param>
/// <param name="IsTerminated">True when the room can no longer be joined.</param>
/// <param name="Members">The room's members, or null when the reader did not read them because no manifest
/// room that manages members matches this room.</param>
public sealed record LiveRoom(
    string Id,
    string Name,
    string Type,
    bool? Record,
    long? MaxMeetingSeconds,
    bool IsTerminated,
    IReadOnlyList<LiveMember>? Members = null);

/// <summary>A user's membership in a live room.</summary>
/// <param name="Id">Member id, which the member update and remove paths take.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="Type">Wire name of the member type, such as <c>host</c>, or null when the API did not return it.</param>
public sealed record LiveMember(string Id, string UserId, string? Type);

/// <summary>
/// A secret read from the API, such as an access token. <see cref="ToString"/> masks it, so logging a record that
/// holds one does not print it. Only code that must send or store the secret reads <see cref="Reveal"/>.
/// </summary>
public readonly struct SensitiveValue : IEquatable<SensitiveValue>
{
    /// <summary>The text that stands for a secret in every output.</summary>
    public const string Mask = "(sensitive)";

    private readonly string _value;

    public SensitiveValue(string value) => _value = value ?? throw new ArgumentNullException(nameof(value));

    /// <summary>Returns the secret itself. Never pass the result to a logger or a renderer.</summary>
    public string Reveal() => _value ?? "";

    public override string ToString() => Mask;

    public bool Equals(SensitiveValue other) => string.Equals(_value, other._value, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is SensitiveValue other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_value ?? "");
}
