namespace Pagecall.Provisioning.Planning;

/// <summary>A live room that is not terminated and that no manifest room matches.</summary>
/// <param name="Name">The live room's name.</param>
/// <param name="Id">The live room's id.</param>
public sealed record UnmanagedRoom(string Name, string Id);

/// <summary>
/// Live users and rooms that the manifest does not declare. The planner plans no change for them, because
/// pagecall-provision never removes a user or a room. The renderers list them, so that a user who deleted an
/// object from the manifest learns that it stays.
/// </summary>
/// <param name="UserIds">The <c>user_id</c> of each live user that the manifest neither declares nor names as a
/// room member, in ordinal order.</param>
/// <param name="Rooms">Each live room that is not terminated and that no manifest room matches, ordered by name and
/// then id. Their members are not listed.</param>
public sealed record UnmanagedObjects(IReadOnlyList<string> UserIds, IReadOnlyList<UnmanagedRoom> Rooms)
{
    public static UnmanagedObjects None { get; } = new([], []);

    /// <summary>The number of users and rooms.</summary>
    public int Count => UserIds.Count + Rooms.Count;
}
