using Microsoft.Extensions.Logging;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// One apply run: starts each work item once the earlier kinds have finished and its dependencies have succeeded,
/// with at most <c>parallelism</c> items in flight, and records every outcome as it happens.
/// </summary>
internal sealed class ApplyRun
{
    private readonly IReadOnlyList<WorkItem> _items;
    private readonly ChangeExecutor _executor;
    private readonly SemaphoreSlim _slots;
    private readonly RunJournal? _journal;
    private readonly IProgress<ChangeOutcome>? _progress;
    private readonly ILogger _logger;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _lock = new();
    private bool _journalFailed;
    private readonly List<ChangeOutcome> _outcomes = [];
    private readonly Dictionary<string, TaskCompletionSource<Completion>> _completions = new(StringComparer.Ordinal);

    public ApplyRun(
        IReadOnlyList<WorkItem> items,
        ChangeExecutor executor,
        int parallelism,
        RunJournal? journal,
        IProgress<ChangeOutcome>? progress,
        ILogger logger,
        CancellationToken cancellationToken)
    {
        _items = items;
        _executor = executor;
        _slots = new SemaphoreSlim(parallelism, parallelism);
        _journal = journal;
        _progress = progress;
        _logger = logger;
        _cancellationToken = cancellationToken;
        foreach (var change in items.SelectMany(item => item.MembersWithRoom.Prepend(item.Change)))
        {
            _completions[change.Address] = new TaskCompletionSource<Completion>(
                TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>Runs every item and returns the outcomes in the order they happened.</summary>
    public async Task<IReadOnlyList<ChangeOutcome>> RunAsync()
    {
        var all = new List<Task>();
        var earlierKinds = Task.CompletedTask;
        foreach (var phase in _items.GroupBy(item => item.Phase).OrderBy(group => group.Key))
        {
            var barrier = earlierKinds;
            var tasks = phase.Select(item => RunItemAsync(item, barrier)).ToList();
            all.AddRange(tasks);

            // The barrier only orders the kinds. It never faults, so an exception thrown by a progress handler
            // reaches the caller through the final WhenAll instead of leaving later items unstarted.
            earlierKinds = Task.WhenAll(tasks).ContinueWith(
                static _ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }

        await Task.WhenAll(all).ConfigureAwait(false);
        _slots.Dispose();
        lock (_lock)
        {
            return [.. _outcomes];
        }
    }

    private async Task RunItemAsync(WorkItem item, Task earlierKinds)
    {
        await earlierKinds.ConfigureAwait(false);
        foreach (var address in ExecutionGraph.Dependencies(item))
        {
            if (!_completions.TryGetValue(address, out var dependency))
            {
                continue;
            }

            var completion = await dependency.Task.ConfigureAwait(false);
            if (completion.Status != ChangeStatus.Succeeded)
            {
                var message = completion.FailedAddress is null
                    ? "Skipped because the run was cancelled before a change it depends on ran."
                    : $"Skipped because {completion.FailedAddress} failed.";
                RecordAll(item, ChangeStatus.Skipped, message, completion.FailedAddress);
                return;
            }
        }

        await _slots.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_cancellationToken.IsCancellationRequested)
            {
                RecordAll(item, ChangeStatus.Skipped, "Skipped because the run was cancelled before it started.", null);
                return;
            }

            await ExecuteAsync(item).ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task ExecuteAsync(WorkItem item)
    {
        IReadOnlyList<ChangeOutcome> outcomes;
        try
        {
            outcomes = await _executor.ExecuteAsync(item).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            RecordFailure(item, "The run was cancelled while this change was in flight, so its request may or may "
                + "not have been applied. Run plan again to see the workspace as it is.");
            return;
        }
        catch (Exception exception) when (exception is ChangeFailedException or IncompleteReadException
            || RequestFailures.Classify(exception, _cancellationToken) is not null)
        {
            RecordFailure(item, RequestFailures.Describe(exception));
            return;
        }
        catch (Exception exception)
        {
            // One faulty change must not stop the others or leave its dependents waiting, so an unexpected
            // exception becomes a failed outcome too.
            _logger.LogError(exception, "{Address}: unexpected error while applying the change.", item.Change.Address);
            RecordFailure(item, $"Unexpected {exception.GetType().Name}: {exception.Message}");
            return;
        }

        foreach (var outcome in outcomes)
        {
            Record(outcome, outcome.Status == ChangeStatus.Succeeded ? null : outcome.Change.Address);
        }
    }

    private void RecordFailure(WorkItem item, string message)
    {
        Record(new ChangeOutcome(item.Change, ChangeStatus.Failed, message, null), item.Change.Address);
        var skipped = $"Skipped because {item.Change.Address} failed.";
        foreach (var member in item.MembersWithRoom)
        {
            Record(new ChangeOutcome(member, ChangeStatus.Skipped, skipped, null), item.Change.Address);
        }
    }

    private void RecordAll(WorkItem item, ChangeStatus status, string message, string? failedAddress)
    {
        foreach (var change in item.MembersWithRoom.Prepend(item.Change))
        {
            Record(new ChangeOutcome(change, status, message, null), failedAddress);
        }
    }

    /// <summary>
    /// Stores, journals, logs and reports one outcome, then releases the changes that wait for it.
    /// </summary>
    /// <param name="outcome">The outcome.</param>
    /// <param name="failedAddress">The failed change that explains a failure or skip, or null for a success or a
    /// skip caused by cancellation.</param>
    private void Record(ChangeOutcome outcome, string? failedAddress)
    {
        lock (_lock)
        {
            _outcomes.Add(outcome);
            WriteJournal(outcome);
        }

        var change = outcome.Change;
        _completions[change.Address].TrySetResult(new Completion(outcome.Status, failedAddress));
        _logger.LogInformation("{Address} {Action} {Status}{Separator}{Message}",
            change.Address, change.Action, outcome.Status, outcome.Message is null ? "" : ": ", outcome.Message);
        _progress?.Report(outcome);
    }

    /// <summary>
    /// Appends the outcome to the journal. A write error is logged once and ends journaling, instead of stopping
    /// a run whose requests are already in flight.
    /// </summary>
    private void WriteJournal(ChangeOutcome outcome)
    {
        if (_journal is null || _journalFailed)
        {
            return;
        }

        try
        {
            _journal.Write(outcome, DateTimeOffset.UtcNow);
        }
        catch (IOException exception)
        {
            _journalFailed = true;
            _logger.LogError(exception,
                "Writing the run journal failed at {Address}; later outcomes are not journaled.",
                outcome.Change.Address);
        }
    }

    /// <summary>The result of one change as its dependents see it.</summary>
    /// <param name="Status">The change's status.</param>
    /// <param name="FailedAddress">The failed change behind a failure or skip, or null.</param>
    private readonly record struct Completion(ChangeStatus Status, string? FailedAddress);
}
