using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pagecall.Api;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// Applies a plan through the generated Pagecall client: users, then rooms, then members, with independent
/// changes in parallel, dependents of a failed change skipped, and lost responses resolved by reading instead of
/// sending a create twice.
/// </summary>
/// <remarks>
/// Changes whose action is <see cref="ChangeAction.NoOp"/> are not executed and get no outcome, no journal line
/// and no log line. A room create or replace carries the room's members in its create call, so their member
/// changes are never sent on their own. They succeed with the room, or are skipped when it fails.
/// </remarks>
public sealed class Applier
{
    private readonly IPagecallClient _client;
    private readonly ILogger _logger;

    public Applier(IPagecallClient client, ILogger<Applier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        _client = client;
        _logger = logger ?? NullLogger<Applier>.Instance;
    }

    /// <summary>
    /// Applies <paramref name="plan"/>. Returns at once, with nothing sent, when the plan has destructive changes
    /// and <see cref="ApplyOptions.AllowDestroy"/> is false. Failed requests become failed outcomes, not
    /// exceptions. Cancellation stops new changes from starting and reports them as skipped.
    /// </summary>
    /// <param name="plan">The plan to apply.</param>
    /// <param name="live">The live workspace the plan was computed from. It supplies a room's live id when a
    /// member change's room has none in the plan.</param>
    /// <param name="options">Parallelism, consent to destroy, the journal file and retry settings.</param>
    /// <param name="progress">Receives each outcome as it happens.</param>
    /// <param name="cancellationToken">Stops the run; changes in flight see the cancellation too.</param>
    /// <exception cref="ArgumentException">The plan has a repeated address, an address the planner cannot
    /// write, or dependencies that form a cycle or point to a later kind, such as a user on a room.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
    /// <exception cref="IOException">The journal file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The journal file cannot be written.</exception>
    public async Task<ApplyResult> ApplyAsync(
        Plan plan,
        LiveWorkspace live,
        ApplyOptions options,
        IProgress<ChangeOutcome>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1, nameof(options.Parallelism));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxAttempts, 1, nameof(options.MaxAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(options.RetryBaseDelay, TimeSpan.Zero, nameof(options.RetryBaseDelay));

        var blocked = plan.Changes.Where(change => change.IsDestructive).ToList();
        if (blocked.Count > 0 && !options.AllowDestroy)
        {
            _logger.LogWarning(
                "Apply blocked: {Count} destructive changes need consent to destroy, so nothing was sent. First: {Address}.",
                blocked.Count, blocked[0].Address);
            return new ApplyResult([], blocked);
        }

        var items = ExecutionGraph.Build(plan);
        var roomIds = plan.Changes
            .Where(change => change.Kind == ResourceKind.Room && change.LiveId is not null)
            .ToDictionary(change => change.Address, change => change.LiveId!, StringComparer.Ordinal);
        var runId = Guid.NewGuid().ToString("N");
        using var journal = options.JournalPath is null ? null : RunJournal.Open(options.JournalPath, runId);
        var sender = new RetryingSender(options, _logger, cancellationToken);
        var executor = new ChangeExecutor(_client, sender, roomIds, live);
        var run = new ApplyRun(items, executor, options.Parallelism, journal, progress, _logger, cancellationToken);

        _logger.LogInformation("Apply {RunId} started: {Count} changes to execute, parallelism {Parallelism}.",
            runId, items.Sum(item => 1 + item.MembersWithRoom.Count), options.Parallelism);
        var outcomes = await run.RunAsync().ConfigureAwait(false);
        var order = plan.Changes.Select((change, index) => (change.Address, index))
            .ToDictionary(pair => pair.Address, pair => pair.index, StringComparer.Ordinal);
        var result = new ApplyResult(outcomes.OrderBy(outcome => order[outcome.Change.Address]).ToList(), []);
        _logger.LogInformation("Apply {RunId} finished: {Succeeded} succeeded, {Failed} failed, {Skipped} skipped.",
            runId, result.Succeeded, result.Failed, result.Skipped);
        return result;
    }
}
