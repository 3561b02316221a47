namespace Pagecall.Provisioning.Http;

/// <summary>
/// Settings of the HTTP connection to the Pagecall API that <see cref="PagecallApiServiceCollectionExtensions.AddPagecallApi"/>
/// registers. <see cref="ToString"/> never shows the API key.
/// </summary>
public sealed class PagecallConnectionOptions
{
    /// <summary>The base address of the API, ending in <c>/v1/</c> with the trailing slash.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The API key, sent as <c>Authorization: Bearer</c>. It is never logged or shown by <see cref="ToString"/>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Time allowed for one attempt, from sending the request to the response headers. Default 30 seconds.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Time allowed for one call, all attempts and the waits between them included. Default 3 minutes.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Retries after the first attempt, 0 for none. Default 6.</summary>
    public int MaxRetries { get; set; } = 6;

    /// <summary>
    /// Delay before the first retry when the response has no <c>Retry-After</c>. Later retries grow it exponentially, with
    /// jitter, up to <see cref="MaxRetryDelay"/>. Default 500 milliseconds.
    /// </summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Upper bound of one backoff delay and of one <c>Retry-After</c> wait. Default 30 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Requests per second that the client sends at most, retries included. Null sends without a cap.</summary>
    public double? MaxRequestsPerSecond { get; set; }

    /// <summary>
    /// Requests in flight at most. The client starts at this number, halves it while 429 responses arrive and
    /// adds one back after each run of successes as long as the current number. Default 8.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>Checks every setting and names the one that is invalid.</summary>
    /// <exception cref="ArgumentException">A setting is missing or out of range.</exception>
    public void Validate()
    {
        if (BaseAddress is null || !BaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"{nameof(BaseAddress)} is missing or not absolute. Set it to the API address, such as https://api.example/v1/.");
        }

        if (!BaseAddress.AbsolutePath.EndsWith('/'))
        {
            throw new ArgumentException(
                $"{nameof(BaseAddress)} '{BaseAddress}' must end with '/', or relative request paths drop its last segment.");
        }

        if (string.IsNullOrWhiteSpace(ApiKey))
        {
            throw new ArgumentException($"{nameof(ApiKey)} is missing. Set the Pagecall API key.");
        }

        RequirePositive(nameof(RequestTimeout), RequestTimeout);
        RequirePositive(nameof(TotalTimeout), TotalTimeout);
        RequirePositive(nameof(RetryBaseDelay), RetryBaseDelay);
        RequirePositive(nameof(MaxRetryDelay), MaxRetryDelay);
        if (MaxRetries < 0)
        {
            throw new ArgumentException($"{nameof(MaxRetries)} must be 0 or more, not {MaxRetries}.");
        }

        if (MaxRequestsPerSecond is { } rate && !(rate > 0 && double.IsFinite(rate)))
        {
            throw new ArgumentException(
                $"{nameof(MaxRequestsPerSecond)} must be a positive number of requests per second, not {rate}. "
                + "Leave it null for no cap.");
        }

        if (MaxConcurrency < 1)
        {
            throw new ArgumentException($"{nameof(MaxConcurrency)} must be 1 or more, not {MaxConcurrency}.");
        }
    }

    /// <summary>Returns the settings with the API key replaced by <c>(set)</c> or <c>(missing)</c>.</summary>
    public override string ToString() =>
        $"BaseAddress={BaseAddress}, ApiKey={(string.IsNullOrEmpty(ApiKey) ? "(missing)" : "(set)")}, "
        + $"RequestTimeout={RequestTimeout}, TotalTimeout={TotalTimeout}, MaxRetries={MaxRetries}, "
        + $"MaxRequestsPerSecond={(MaxRequestsPerSecond?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none")}, "
        + $"MaxConcurrency={MaxConcurrency}";

    private static void RequirePositive(string name, TimeSpan value)
    {
        if (value <= TimeSpan.Zero)
        {
            throw new ArgumentException($"{name} must be longer than zero, not {value}.");
        }
    }
}
