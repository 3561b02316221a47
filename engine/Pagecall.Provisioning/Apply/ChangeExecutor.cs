using Pagecall.Api;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// Sends the requests of one work item through the generated client. Returns the outcomes of the change and of
/// the members it carries, and throws when the change fails as a whole.
/// </summary>
internal sealed partial class ChangeExecutor(
    IPagecallClient client, RetryingSender sender, IReadOnlyDictionary<string, string> roomIds, LiveWorkspace live)
{
    private const int ListPageSize = 100;

    /// <exception cref="ChangeFailedException">The change cannot finish, for a reason the message gives.</exception>
    /// <exception cref="PagecallClientApiException">A request failed for good.</exception>
    public Task<IReadOnlyList<ChangeOutcome>> ExecuteAsync(WorkItem item) => item.Change.Kind switch
    {
        ResourceKind.User => ExecuteUserAsync(item),
        ResourceKind.Room => ExecuteRoomAsync(item),
        _ => ExecuteMemberAsync(item),
    };

    private static IReadOnlyList<ChangeOutcome> Single(PlannedChange change, string? liveId, string? message = null) =>
        [new ChangeOutcome(change, ChangeStatus.Succeeded, message, liveId)];

    private static ChangeFailedException Unsupported(PlannedChange change) => new(
        $"The applier has no request for {change.Action} of a {change.Kind}, at {change.Address}.");
}
