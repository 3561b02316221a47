using System.Threading.RateLimiting;

namespace Pagecall.Provisioning.Http;

/// <summary>
/// The client-side cap on requests per second: a token bucket shared by every client of one registration.
/// A null <see cref="Limiter"/> sends without a cap.
/// </summary>
internal sealed class PagecallRateCap(RateLimiter? limiter) : IDisposable
{
    public RateLimiter? Limiter { get; } = limiter;

    /// <summary>
    /// Creates a token bucket that releases <paramref name="requestsPerSecond"/> tokens a second: one token every
    /// 1/rate seconds below 10 a second, and a tenth of a second's worth (rounded down) at a time above that. It
    /// never holds more than one release, so a burst stays within one release.
    /// </summary>
    public static PagecallRateCap Create(double? requestsPerSecond)
    {
        if (requestsPerSecond is not { } rate)
        {
            return new PagecallRateCap(null);
        }

        var tokensPerPeriod = Math.Max(1, (int)Math.Floor(rate / 10));
        return new PagecallRateCap(new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = tokensPerPeriod,
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = TimeSpan.FromSeconds(tokensPerPeriod / rate),
            AutoReplenishment = true,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        }));
    }

    public void Dispose() => Limiter?.Dispose();
}

/// <summary>Waits for a token of the rate cap before each attempt, retries included.</summary>
internal sealed class RateCapHandler(PagecallRateCap cap) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (cap.Limiter is not { } limiter)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        using var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            // The queue is unbounded, so only a disposed limiter rejects a lease.
            throw new ObjectDisposedException(nameof(PagecallRateCap), "The client-side rate cap was disposed, so the request was not sent.");
        }

        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
