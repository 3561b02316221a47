namespace Pagecall.Emulator.Faults;

/// <summary>What the fault settings decided for one request.</summary>
internal readonly record struct FaultDecision(
    TimeSpan Delay,
    int? RateLimitRetryAfterSeconds,
    int? ErrorStatus,
    bool LoseResponse,
    bool Throttled = false);

/// <summary>
/// Draws the faults for each /v1 request from one seeded random sequence. Every request takes the same four
/// draws (delay, error, error status, lost write) in arrival order, so a seed and a request sequence fix the
/// outcome. The error draw decides both the injected 500 or 503 and the injected 429. The rate limit is a token
/// bucket on the clock and takes no draws.
/// </summary>
internal sealed class FaultInjector
{
    /// <summary>The Retry-After of a 429 from <see cref="FaultOptions.ThrottleRate"/>, in seconds.</summary>
    public const int ThrottleRetryAfterSeconds = 1;

    private readonly Lock _lock = new();
    private readonly TimeProvider _clock;
    private FaultOptions _options = new();
    private Random _random = new();
    private double _tokens;
    private long _lastRefill;

    public FaultInjector(FaultOptions options, TimeProvider clock)
    {
        _clock = clock;
        Configure(options);
    }

    public FaultOptions Options
    {
        get
        {
            lock (_lock)
            {
                return _options;
            }
        }
    }

    /// <summary>Replaces the settings, restarts the random sequence from the seed, and refills the rate limit.</summary>
    public void Configure(FaultOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        lock (_lock)
        {
            _options = options;
            _random = options.Seed is { } seed ? new Random(seed) : new Random();
            _tokens = Math.Max(1, options.RateLimitPerSecond);
            _lastRefill = _clock.GetTimestamp();
        }
    }

    public FaultDecision Next(bool isWrite)
    {
        lock (_lock)
        {
            var options = _options;
            var delayDraw = _random.NextDouble();
            var errorDraw = _random.NextDouble();
            var statusDraw = _random.NextDouble();
            var lostDraw = _random.NextDouble();

            var delayRange = options.LatencyMaxMilliseconds - options.LatencyMinMilliseconds;
            var delay = TimeSpan.FromMilliseconds(options.LatencyMinMilliseconds + Math.Round(delayDraw * delayRange));
            int? errorStatus = errorDraw < options.ErrorRate
                ? statusDraw < 0.5 ? StatusCodes.Status500InternalServerError : StatusCodes.Status503ServiceUnavailable
                : null;
            // The throttle band sits just above the error band of the same draw, so adding it leaves the 500s and
            // 503s of a seed where they were.
            var throttled = errorStatus is null && errorDraw < options.ErrorRate + options.ThrottleRate;
            var loseResponse = isWrite && errorStatus is null && !throttled && lostDraw < options.LostWriteRate;
            return new FaultDecision(delay, TakeToken(options), errorStatus, loseResponse, throttled);
        }
    }

    /// <summary>Takes a token from the bucket, or returns the whole seconds until one is available.</summary>
    private int? TakeToken(FaultOptions options)
    {
        var rate = options.RateLimitPerSecond;
        if (rate <= 0)
        {
            return null;
        }

        var now = _clock.GetTimestamp();
        var elapsed = _clock.GetElapsedTime(_lastRefill, now).TotalSeconds;
        _lastRefill = now;
        _tokens = Math.Min(Math.Max(1, rate), _tokens + elapsed * rate);
        if (_tokens >= 1)
        {
            _tokens -= 1;
            return null;
        }

        return Math.Max(1, (int)Math.Ceiling((1 - _tokens) / rate));
    }
}
