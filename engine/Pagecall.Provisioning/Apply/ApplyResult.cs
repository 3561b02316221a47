using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>The outcome of one change in an apply run.</summary>
public enum ChangeStatus
{
    /// <summary>The object now matches the plan.</summary>
    Succeeded,

    /// <summary>A request failed, so the object may not match the plan.</summary>
    Failed,

    /// <summary>Nothing was sent, because a change it depends on did not succeed or the run was cancelled.</summary>
    Skipped,
}

/// <summary>What happened to one planned change.</summary>
/// <param name="Change">The planned change.</param>
/// <param name="Status">Whether it succeeded, failed or was skipped.</param>
/// <param name="Message">Why it failed or was skipped, or a note on how it succeeded; never a token or key.</param>
/// <param name="LiveId">Id of the object after the change: the new id of a created or replaced room, the
/// internal id of a user, or null when unknown.</param>
public sealed record ChangeOutcome(PlannedChange Change, ChangeStatus Status, string? Message, string? LiveId);

/// <summary>
/// The result of an apply run. When <see cref="BlockedDestructiveChanges"/> is not empty, the run was blocked
/// before sending any request and <see cref="Outcomes"/> is empty.
/// </summary>
/// <param name="Outcomes">One outcome per executed change, in plan order. Changes whose action is
/// <see cref="ChangeAction.NoOp"/> are not executed and have no outcome.</param>
/// <param name="BlockedDestructiveChanges">Destructive changes that need
/// <see cref="ApplyOptions.AllowDestroy"/>, or empty.</param>
public sealed record ApplyResult(
    IReadOnlyList<ChangeOutcome> Outcomes,
    IReadOnlyList<PlannedChange> BlockedDestructiveChanges)
{
    public int Succeeded => Count(ChangeStatus.Succeeded);

    public int Failed => Count(ChangeStatus.Failed);

    public int Skipped => Count(ChangeStatus.Skipped);

    /// <summary>True when destructive changes lacked consent and nothing was sent.</summary>
    public bool IsBlocked => BlockedDestructiveChanges.Count > 0;

    private int Count(ChangeStatus status) => Outcomes.Count(outcome => outcome.Status == status);
}
