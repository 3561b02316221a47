namespace Pagecall.Provisioning.Http;

/// <summary>
/// Limits requests in flight with a limit that adapts to 429 responses: a 429 halves the limit (at least 1), and
/// each run of successes as long as the current limit adds one back, up to the maximum. This is additive increase,
/// multiplicative decrease, the scheme TCP congestion control uses. It counts outcomes instead of reading a clock,
/// so the same sequence of outcomes always gives the same limits.
/// </summary>
internal sealed class AdaptiveConcurrencyLimiter
{
    private readonly Lock _lock = new();
    private readonly LinkedList<TaskCompletionSource<Slot>> _waiters = new();
    private readonly int _maxLimit;
    private int _limit;
    private int _inFlight;
    private int _successesSinceChange;

    // Incremented by each decrease. A 429 on a request that started before the latest decrease was sent at the
    // old limit, so it does not halve the limit again: one burst of 429s halves it once.
    private long _generation;

    public AdaptiveConcurrencyLimiter(int maxLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLimit, 1);
        _maxLimit = maxLimit;
        _limit = maxLimit;
    }

    /// <summary>The current limit on requests in flight.</summary>
    public int Limit
    {
        get
        {
            lock (_lock)
            {
                return _limit;
            }
        }
    }

    /// <summary>Requests in flight now.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock)
            {
                return _inFlight;
            }
        }
    }

    /// <summary>Waits until a request may start, first come first served, and returns its slot.</summary>
    public async ValueTask<Slot> AcquireAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<Slot> waiter;
        LinkedListNode<TaskCompletionSource<Slot>> node;
        lock (_lock)
        {
            if (_inFlight < _limit && _waiters.Count == 0)
            {
                _inFlight++;
                return new Slot(_generation);
            }

            waiter = new TaskCompletionSource<Slot>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        using var registration = cancellationToken.Register(() =>
        {
            lock (_lock)
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        });
        return await waiter.Task.ConfigureAwait(false);
    }

    /// <summary>Ends a request that <see cref="AcquireAsync"/> started and adapts the limit to its outcome.</summary>
    public void Release(Slot slot, RequestOutcome outcome)
    {
        lock (_lock)
        {
            _inFlight--;
            switch (outcome)
            {
                case RequestOutcome.RateLimited when slot.Generation == _generation:
                    _limit = Math.Max(1, _limit / 2);
                    _generation++;
                    _successesSinceChange = 0;
                    break;
                case RequestOutcome.Succeeded:
                    _successesSinceChange++;
                    if (_successesSinceChange >= _limit && _limit < _maxLimit)
                    {
                        _limit++;
                        _successesSinceChange = 0;
                    }

                    break;
            }

            while (_inFlight < _limit && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                _inFlight++;
                first.Value.TrySetResult(new Slot(_generation));
            }
        }
    }

    /// <summary>A granted place in flight, with the limiter generation it started in.</summary>
    public readonly record struct Slot(long Generation);
}

/// <summary>How a request ended, as far as the concurrency limit cares.</summary>
internal enum RequestOutcome
{
    /// <summary>A 2xx response, or another response that shows no overload (such as 404).</summary>
    Succeeded,

    /// <summary>A 429 response.</summary>
    RateLimited,

    /// <summary>A 5xx response, a timeout or a transport error: neither grows nor shrinks the limit.</summary>
    Failed,
}

/// <summary>Holds each attempt until <see cref="AdaptiveConcurrencyLimiter"/> lets it start.</summary>
internal sealed class AdaptiveConcurrencyHandler(AdaptiveConcurrencyLimiter limiter) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var slot = await limiter.AcquireAsync(cancellationToken).ConfigureAwait(false);
        var outcome = RequestOutcome.Failed;
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            outcome = status switch
            {
                429 => RequestOutcome.RateLimited,
                >= 500 => RequestOutcome.Failed,
                _ => RequestOutcome.Succeeded,
            };
            return response;
        }
        finally
        {
            limiter.Release(slot, outcome);
        }
    }
}
