using System.Net;
using Polly;
using Polly.Timeout;

namespace Pagecall.Provisioning.Http;

/// <summary>Which outcomes the client retries, and how long it waits before the next attempt.</summary>
internal static class RetryRules
{
    /// <summary>
    /// Returns whether an attempt of <paramref name="method"/> that ended in <paramref name="outcome"/> may be
    /// sent again. Every method is retried after a 429, because the server did not process the request. Only
    /// idempotent methods (GET, HEAD, PUT, DELETE) are retried after a 408, 5xx, timeout or transport error: a POST
    /// that failed that way may have been committed, and sending it again could create a second object. A refused
    /// connection to a loopback host is never retried, because nothing starts listening there during a backoff.
    /// </summary>
    public static bool ShouldRetry(HttpMethod? method, Outcome<HttpResponseMessage> outcome, Uri? requestUri = null)
    {
        if (outcome.Result is { } response)
        {
            var status = (int)response.StatusCode;
            if (status == 429)
            {
                return true;
            }

            return IsIdempotent(method) && status is 408 or 500 or 502 or 503 or 504;
        }

        if (outcome.Exception is { } failure && TransportFailure.IsRefusedOnLoopback(failure, requestUri))
        {
            return false;
        }

        return IsIdempotent(method)
            && (TransportFailure.IsTransportFailure(outcome.Exception) || outcome.Exception is TimeoutRejectedException);
    }

    /// <summary>Returns whether sending <paramref name="method"/> twice has the same effect as sending it once.</summary>
    public static bool IsIdempotent(HttpMethod? method) =>
        method == HttpMethod.Get || method == HttpMethod.Head || method == HttpMethod.Put || method == HttpMethod.Delete;

    /// <summary>
    /// Returns the wait that the <c>Retry-After</c> header of a 429 or 503 response requests, in seconds or as an
    /// HTTP date, capped at <paramref name="maxDelay"/>. Returns null for other responses or without the header,
    /// so the retry strategy falls back to exponential backoff with jitter.
    /// </summary>
    public static TimeSpan? RetryAfterDelay(HttpResponseMessage? response, TimeProvider clock, TimeSpan maxDelay)
    {
        if (response is null
            || response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable)
            || response.Headers.RetryAfter is not { } retryAfter)
        {
            return null;
        }

        TimeSpan delay;
        if (retryAfter.Delta is { } delta)
        {
            delay = delta;
        }
        else if (retryAfter.Date is { } date)
        {
            delay = date - clock.GetUtcNow();
        }
        else
        {
            return null;
        }

        if (delay < TimeSpan.Zero)
        {
            return TimeSpan.Zero;
        }

        return delay > maxDelay ? maxDelay : delay;
    }
}
