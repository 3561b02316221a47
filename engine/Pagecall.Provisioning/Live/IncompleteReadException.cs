namespace Pagecall.Provisioning.Live;

/// <summary>
/// Thrown when a list read from the API does not add up: fewer or more items than <c>paging.total</c>, a total
/// that changed between pages, or an item repeated across pages. A plan computed on such a read would show the
/// missing objects as absent, so no plan is made.
/// </summary>
public sealed class IncompleteReadException : Exception
{
    public IncompleteReadException(string list, long itemsRead, long? expectedTotal, string problem)
        : base($"The list of {list} is incomplete: {problem} No plan was computed, because a partial read would "
            + "show missing objects as absent. Run the command again; if it keeps failing, the API pages "
            + "inconsistently.")
    {
        List = list;
        ItemsRead = itemsRead;
        ExpectedTotal = expectedTotal;
    }

    /// <summary>Which list was read, such as <c>users</c> or <c>members of room 000585f36eed9e8fb6b655b4</c>.</summary>
    public string List { get; }

    /// <summary>Number of items read before the problem was found.</summary>
    public long ItemsRead { get; }

    /// <summary>The <c>paging.total</c> the API reported, or null when it reported none.</summary>
    public long? ExpectedTotal { get; }
}
