namespace Pagecall.Provisioning.Apply;

/// <summary>Settings of one apply run.</summary>
public sealed record ApplyOptions
{
    /// <summary>Maximum number of changes in flight at once. Must be at least 1.</summary>
    public int Parallelism { get; init; } = 8;

    /// <summary>
    /// Consent to destructive changes: room replaces and user or room deletes. Without it, a plan that contains
    /// one is blocked and nothing is sent.
    /// </summary>
    public bool AllowDestroy { get; init; }

    /// <summary>
    /// File that receives one JSON object per line for each change outcome, appended as the run proceeds, or null
    /// for no journal. The fields are described in docs/reliability.md.
    /// </summary>
    public string? JournalPath { get; init; }

    /// <summary>
    /// Maximum number of attempts per request after a transient failure (429, 5xx, a lost connection or a
    /// timeout). Must be at least 1. A create is re-sent only after a read shows that it did not commit.
    /// </summary>
    public int MaxAttempts { get; init; } = 4;

    /// <summary>
    /// Wait before the second attempt. Each further attempt waits twice as long, with random jitter that takes
    /// up to half of the wait away.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromMilliseconds(500);
}
