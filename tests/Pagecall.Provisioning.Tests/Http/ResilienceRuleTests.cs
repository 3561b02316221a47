using System.Net;
using System.Net.Http.Headers;
using Pagecall.Provisioning.Http;
using Polly;
using Polly.Timeout;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>The retry rules, the concurrency limiter and the options, without a server.</summary>
public sealed class ResilienceRuleTests
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    public static TheoryData<string, int, bool> StatusCases => new()
    {
        { "GET", 429, true },
        { "POST", 429, true },
        { "GET", 503, true },
        { "PUT", 500, true },
        { "DELETE", 502, true },
        { "HEAD", 504, true },
        { "GET", 408, true },
        { "POST", 500, false },
        { "POST", 503, false },
        { "POST", 408, false },
        { "GET", 404, false },
        { "PUT", 400, false },
        { "GET", 200, false },
    };

    [Theory]
    [MemberData(nameof(StatusCases))]
    public void ShouldRetryByMethodAndStatus(string method, int status, bool expected)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status);

        var actual = RetryRules.ShouldRetry(new HttpMethod(method), Outcome.FromResult(response));

        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("GET", true)]
    [InlineData("PUT", true)]
    [InlineData("DELETE", true)]
    [InlineData("POST", false)]
    public void ShouldRetryTransportErrorsWhenIdempotent(string method, bool expected)
    {
        var transport = Outcome.FromException<HttpResponseMessage>(new HttpRequestException("reset"));
        var timeout = Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException());

        Assert.Equal(expected, RetryRules.ShouldRetry(new HttpMethod(method), transport));
        Assert.Equal(expected, RetryRules.ShouldRetry(new HttpMethod(method), timeout));
    }

    [Fact]
    public void RetryAfterSecondsHonoured()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        var delay = RetryRules.RetryAfterDelay(response, TimeProvider.System, MaxDelay);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
    }

    [Fact]
    public void RetryAfterDateHonoured()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        response.Headers.TryAddWithoutValidation("Retry-After", "Fri, 02 Jan 2026 03:04:17 GMT");

        var delay = RetryRules.RetryAfterDelay(response, clock, MaxDelay);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
    }

    [Fact]
    public void RetryAfterPastDateIsZero()
    {
        var clock = new FixedClock(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.TryAddWithoutValidation("Retry-After", "Fri, 02 Jan 2026 03:00:00 GMT");

        Assert.Equal(TimeSpan.Zero, RetryRules.RetryAfterDelay(response, clock, MaxDelay));
    }

    [Fact]
    public void RetryAfterCappedAtMaxDelay()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.TooManyRequests);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromHours(1));

        Assert.Equal(MaxDelay, RetryRules.RetryAfterDelay(response, TimeProvider.System, MaxDelay));
    }

    [Fact]
    public void RetryAfterIgnoredOnOtherStatus()
    {
        using var response = new HttpResponseMessage(HttpStatusCode.InternalServerError);
        response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7));

        Assert.Null(RetryRules.RetryAfterDelay(response, TimeProvider.System, MaxDelay));
    }

    [Fact]
    public async Task LimiterHalvesOncePerBurst()
    {
        var limiter = new AdaptiveConcurrencyLimiter(8);
        var slots = new List<AdaptiveConcurrencyLimiter.Slot>();
        for (var i = 0; i < 8; i++)
        {
            slots.Add(await limiter.AcquireAsync(CancellationToken.None));
        }

        // All eight started at limit 8, so their 429s count as one overload.
        foreach (var slot in slots)
        {
            limiter.Release(slot, RequestOutcome.RateLimited);
        }

        Assert.Equal(4, limiter.Limit);

        // A request that started after the halving and still gets 429 halves again.
        var next = await limiter.AcquireAsync(CancellationToken.None);
        limiter.Release(next, RequestOutcome.RateLimited);
        Assert.Equal(2, limiter.Limit);
    }

    [Fact]
    public async Task LimiterNeverDropsBelowOne()
    {
        var limiter = new AdaptiveConcurrencyLimiter(2);
        for (var i = 0; i < 5; i++)
        {
            var slot = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(slot, RequestOutcome.RateLimited);
        }

        Assert.Equal(1, limiter.Limit);
    }

    [Fact]
    public async Task LimiterRecoversOneStepPerRun()
    {
        var limiter = new AdaptiveConcurrencyLimiter(4);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        limiter.Release(first, RequestOutcome.RateLimited);
        Assert.Equal(2, limiter.Limit);

        await SucceedAsync(limiter, 1);
        Assert.Equal(2, limiter.Limit);
        await SucceedAsync(limiter, 1);
        Assert.Equal(3, limiter.Limit);
        await SucceedAsync(limiter, 3);
        Assert.Equal(4, limiter.Limit);
        await SucceedAsync(limiter, 10);
        Assert.Equal(4, limiter.Limit);
    }

    [Fact]
    public async Task LimiterServesWaitersInOrder()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1);
        var holder = await limiter.AcquireAsync(CancellationToken.None);
        var second = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var third = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.False(second.IsCompleted);
        Assert.False(third.IsCompleted);

        limiter.Release(holder, RequestOutcome.Succeeded);
        var secondSlot = await second;
        Assert.False(third.IsCompleted);
        Assert.Equal(1, limiter.InFlight);

        limiter.Release(secondSlot, RequestOutcome.Failed);
        await third;
        Assert.Equal(1, limiter.InFlight);
    }

    [Fact]
    public async Task LimiterCancelledWaiterLeavesQueue()
    {
        var limiter = new AdaptiveConcurrencyLimiter(1);
        var holder = await limiter.AcquireAsync(CancellationToken.None);
        using var cancellation = new CancellationTokenSource();
        var waiting = limiter.AcquireAsync(cancellation.Token).AsTask();

        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        limiter.Release(holder, RequestOutcome.Succeeded);
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public void OptionsToStringHidesKey()
    {
        var options = new PagecallConnectionOptions
        {
            BaseAddress = new Uri("http://127.0.0.1:1/v1/"),
            ApiKey = "very-secret-key",
        };

        var text = options.ToString();

        Assert.DoesNotContain("very-secret-key", text, StringComparison.Ordinal);
        Assert.Contains("ApiKey=(set)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "k", "BaseAddress")]
    [InlineData("http://127.0.0.1:1/v1", "k", "must end with '/'")]
    [InlineData("http://127.0.0.1:1/v1/", null, "ApiKey is missing")]
    [InlineData("http://127.0.0.1:1/v1/", " ", "ApiKey is missing")]
    public void OptionsValidateNamesSetting(string? baseAddress, string? apiKey, string expected)
    {
        var options = new PagecallConnectionOptions
        {
            BaseAddress = baseAddress is null ? null : new Uri(baseAddress),
            ApiKey = apiKey,
        };

        var error = Assert.Throws<ArgumentException>(options.Validate);

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsValidateRejectsRanges()
    {
        var cases = new (Action<PagecallConnectionOptions> Change, string Name)[]
        {
            (options => options.MaxRetries = -1, "MaxRetries"),
            (options => options.MaxConcurrency = 0, "MaxConcurrency"),
            (options => options.MaxRequestsPerSecond = 0, "MaxRequestsPerSecond"),
            (options => options.MaxRequestsPerSecond = double.NaN, "MaxRequestsPerSecond"),
            (options => options.RequestTimeout = TimeSpan.Zero, "RequestTimeout"),
            (options => options.TotalTimeout = TimeSpan.FromSeconds(-1), "TotalTimeout"),
        };
        foreach (var (change, name) in cases)
        {
            var options = new PagecallConnectionOptions { BaseAddress = new Uri("http://127.0.0.1:1/v1/"), ApiKey = "k" };
            change(options);

            var error = Assert.Throws<ArgumentException>(options.Validate);

            Assert.StartsWith(name, error.Message, StringComparison.Ordinal);
        }
    }

    private static async Task SucceedAsync(AdaptiveConcurrencyLimiter limiter, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var slot = await limiter.AcquireAsync(CancellationToken.None);
            limiter.Release(slot, RequestOutcome.Succeeded);
        }
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
