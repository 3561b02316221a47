using Microsoft.Extensions.Logging;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// Sends requests with bounded retries. Updates and deletes are sent again as they are, because sending them
/// twice has the effect of sending them once. A create is sent again only after a lookup by its natural key
/// finds that the earlier attempt did not commit, so a lost response never makes a duplicate.
/// </summary>
internal sealed class RetryingSender(ApplyOptions options, ILogger logger, CancellationToken runToken)
{
    /// <summary>The token that cancels the run, which every request receives.</summary>
    public CancellationToken RunToken => runToken;

    /// <summary>
    /// Sends a read or an update, which has the same effect when sent twice, retrying transient failures.
    /// Returns the response.
    /// </summary>
    public async Task<T> SendAsync<T>(string address, string operation, Func<CancellationToken, Task<T>> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await send(runToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (ShouldRetry(exception, attempt))
            {
                await WaitBeforeRetryAsync(address, operation, attempt, exception).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends a delete, retrying transient failures. A 404 counts as success, because the object is gone, which
    /// is what the delete is for. The earlier attempt that removed it may be one this sender never saw: an HTTP
    /// client with its own retries sends a DELETE again after a lost response and returns only the 404.
    /// </summary>
    public async Task DeleteAsync(string address, string operation, Func<CancellationToken, Task> send)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await send(runToken).ConfigureAwait(false);
                return;
            }
            catch (Exception exception) when (RequestFailures.IsNotFound(exception))
            {
                logger.LogInformation(
                    "{Address}: {Operation} found the object already gone (404), so the delete is done.",
                    address, operation);
                return;
            }
            catch (Exception exception) when (ShouldRetry(exception, attempt))
            {
                await WaitBeforeRetryAsync(address, operation, attempt, exception).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Sends a create. After a failure that may have committed, it calls <paramref name="find"/> before the
    /// next attempt and returns what it finds instead of sending again. A lookup that still fails after its
    /// retries ends the create with that error, because sending again could make a duplicate.
    /// </summary>
    /// <returns>The created or found object, and true when it was found by the lookup.</returns>
    public async Task<(T Value, bool Found)> CreateAsync<T>(
        string address,
        string operation,
        Func<CancellationToken, Task<T>> send,
        Func<CancellationToken, Task<T?>> find)
        where T : class
    {
        var mayHaveCommitted = false;
        for (var attempt = 1; ; attempt++)
        {
            if (mayHaveCommitted && await FindAsync(address, operation, find).ConfigureAwait(false) is { } found)
            {
                return (found, true);
            }

            try
            {
                return (await send(runToken).ConfigureAwait(false), false);
            }
            catch (Exception exception) when (ShouldRetry(exception, attempt))
            {
                mayHaveCommitted |= RequestFailures.Classify(exception, runToken) == FailureKind.Ambiguous;
                await WaitBeforeRetryAsync(address, operation, attempt, exception).ConfigureAwait(false);
            }
            catch (Exception exception) when (!runToken.IsCancellationRequested
                && RequestFailures.Classify(exception, runToken) == FailureKind.Ambiguous)
            {
                // The last attempt may have committed too, so look once more before reporting a failure.
                if (await FindAsync(address, operation, find).ConfigureAwait(false) is { } last)
                {
                    return (last, true);
                }

                throw;
            }
        }
    }

    /// <summary>
    /// Looks up the object of a create whose response was lost. The lookup is a read, so it gets its own
    /// retries and does not use up the create's attempts.
    /// </summary>
    private async Task<T?> FindAsync<T>(string address, string operation, Func<CancellationToken, Task<T?>> find)
        where T : class
    {
        var found = await SendAsync(address, $"{operation} lookup", find).ConfigureAwait(false);
        if (found is not null)
        {
            logger.LogInformation(
                "{Address}: the earlier {Operation} committed although its response was lost; continuing with "
                + "the object found.", address, operation);
        }

        return found;
    }

    private bool ShouldRetry(Exception exception, int attempt) =>
        attempt < options.MaxAttempts
        && !runToken.IsCancellationRequested
        && RequestFailures.Classify(exception, runToken) is FailureKind.NotApplied or FailureKind.Ambiguous;

    // NOTE: Retry-After is not honoured, because the generated client's exception does not carry response
    // headers. A 429 or 503 is retried after the exponential wait alone.
    private async Task WaitBeforeRetryAsync(string address, string operation, int attempt, Exception exception)
    {
        var delay = options.RetryBaseDelay * Math.Pow(2, attempt - 1) * (1 - (Random.Shared.NextDouble() / 2));
        logger.LogWarning(
            "{Address}: {Operation} attempt {Attempt} of {MaxAttempts} failed, retrying in {DelayMs} ms. {Error}",
            address, operation, attempt, options.MaxAttempts, (int)delay.TotalMilliseconds,
            RequestFailures.Describe(exception));
        await Task.Delay(delay, runToken).ConfigureAwait(false);
    }
}
