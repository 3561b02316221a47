namespace Pagecall.Emulator;

/// <summary>
/// Faults that the emulator injects into /v1 requests, never into the join check at /meet. All are off by
/// default. With the same <see cref="Seed"/> and the same sequence of requests, the injected faults are the same.
/// </summary>
public sealed record FaultOptions
{
    /// <summary>Seed of the random draws. Null picks a random seed.</summary>
    public int? Seed { get; init; }

    /// <summary>Lower bound of the delay added to each request, in milliseconds.</summary>
    public int LatencyMinMilliseconds { get; init; }

    /// <summary>
    /// Upper bound of the delay added to each request, in milliseconds. Equal to the lower bound for a fixed delay.
    /// </summary>
    public int LatencyMaxMilliseconds { get; init; }

    /// <summary>
    /// Requests per second that /v1 accepts, over all API keys together. Requests above it get 429 with Retry-After.
    /// Zero turns the limit off.
    /// </summary>
    public double RateLimitPerSecond { get; init; }

    /// <summary>Fraction (0 to 1) of requests that fail with 500 or 503, with equal chance, before they run.</summary>
    public double ErrorRate { get; init; }

    /// <summary>
    /// Fraction (0 to 1) of requests rejected with 429 and <c>Retry-After: 1</c> before they run, drawn on the clock-free
    /// random sequence, unlike <see cref="RateLimitPerSecond"/>. It shares the error draw with <see cref="ErrorRate"/>,
    /// so the two together must be at most 1, and a seed keeps its 500 and 503 requests when this is added.
    /// </summary>
    public double ThrottleRate { get; init; }

    /// <summary>
    /// Fraction (0 to 1) of POST, PUT and DELETE requests that change the state but whose successful response
    /// is replaced as <see cref="LostWriteMode"/> selects.
    /// </summary>
    public double LostWriteRate { get; init; }

    /// <summary>How a lost write's response is replaced.</summary>
    public LostWriteMode LostWriteMode { get; init; } = LostWriteMode.Status;

    /// <summary>Checks the ranges of every setting.</summary>
    /// <exception cref="ArgumentException">A setting is out of range; the message names it.</exception>
    public void Validate()
    {
        if (LatencyMinMilliseconds < 0 || LatencyMaxMilliseconds < LatencyMinMilliseconds)
        {
            throw new ArgumentException(
                $"The latency range {LatencyMinMilliseconds}-{LatencyMaxMilliseconds} ms is invalid. "
                + "The minimum must be 0 or more and at most the maximum.");
        }

        if (RateLimitPerSecond < 0 || double.IsNaN(RateLimitPerSecond) || double.IsInfinity(RateLimitPerSecond))
        {
            throw new ArgumentException(
                $"The rate limit {RateLimitPerSecond} must be a finite number of requests per second, 0 or more.");
        }

        ValidateFraction(nameof(ErrorRate), ErrorRate);
        ValidateFraction(nameof(ThrottleRate), ThrottleRate);
        if (ErrorRate + ThrottleRate > 1)
        {
            throw new ArgumentException(
                $"ErrorRate {ErrorRate} and ThrottleRate {ThrottleRate} add up to more than 1. Lower one of them.");
        }

        ValidateFraction(nameof(LostWriteRate), LostWriteRate);
    }

    private static void ValidateFraction(string name, double value)
    {
        if (!(value >= 0 && value <= 1))
        {
            throw new ArgumentException($"{name} must be between 0 and 1, not {value}.");
        }
    }
}

/// <summary>How the emulator replaces the response of a write that it committed.</summary>
public enum LostWriteMode
{
    /// <summary>Answer 500 with an error body.</summary>
    Status,

    /// <summary>Abort the connection without a response.</summary>
    Drop,

    /// <summary>
    /// Send no response until the client gives up, as a server that commits and then stalls would. The client
    /// sees its own timeout.
    /// </summary>
    Hang,
}
