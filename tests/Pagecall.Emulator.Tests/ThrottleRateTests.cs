using System.Net;

namespace Pagecall.Emulator.Tests;

/// <summary>The seeded 429 fault, <see cref="FaultOptions.ThrottleRate"/>.</summary>
public sealed class ThrottleRateTests
{
    [Fact]
    public async Task ThrottleRateIsExactForSeed()
    {
        var faults = new FaultOptions { Seed = 42, ErrorRate = 0.2, ThrottleRate = 0.3 };

        var statuses = await FaultInjectionTests.CollectStatusesAsync(faults, 200);

        Assert.Equal(ExpectedStatuses(42, 0.2, 0.3, 200), statuses);
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.Contains(HttpStatusCode.InternalServerError, statuses);
    }

    [Fact]
    public async Task ThrottleKeepsSeedErrors()
    {
        var withoutThrottle = await FaultInjectionTests.CollectStatusesAsync(new FaultOptions { Seed = 9, ErrorRate = 0.2 }, 100);
        var withThrottle = await FaultInjectionTests.CollectStatusesAsync(
            new FaultOptions { Seed = 9, ErrorRate = 0.2, ThrottleRate = 0.1 }, 100);

        for (var index = 0; index < withoutThrottle.Count; index++)
        {
            if (withoutThrottle[index] != HttpStatusCode.OK)
            {
                Assert.Equal(withoutThrottle[index], withThrottle[index]);
            }
        }
    }

    [Fact]
    public async Task ThrottledRequestCarriesRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { Seed = 7, ThrottleRate = 1 });

        using var response = await emulator.Client.GetAsync("users", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), response.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ThrottledWriteChangesNothing()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { Seed = 7, ThrottleRate = 1 });
        var body = new StringContent("""{"user_id":"throttled"}""");

        using var response = await emulator.Client.PostAsync("users", body, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        emulator.Emulator.Faults = new FaultOptions();
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Client.GetApiAsync("users/throttled")).Status);
    }

    [Fact]
    public void ErrorAndThrottleAboveOneRejected()
    {
        var faults = new FaultOptions { ErrorRate = 0.6, ThrottleRate = 0.5 };

        var error = Assert.Throws<ArgumentException>(faults.Validate);

        Assert.Contains("ThrottleRate", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CommandLineParsesThrottleRate()
    {
        var options = CommandLine.Parse(["--api-key", "k", "--throttle-rate", "0.05"], apiKeysVariable: null);

        Assert.NotNull(options);
        Assert.Equal(0.05, options.Faults.ThrottleRate);
    }

    /// <summary>
    /// Replays the documented draws: an error draw below the error rate fails with 500 or 503, and one in the
    /// next band, as wide as the throttle rate, gets 429.
    /// </summary>
    private static List<HttpStatusCode> ExpectedStatuses(int seed, double errorRate, double throttleRate, int count)
    {
        var random = new Random(seed);
        var statuses = new List<HttpStatusCode>(count);
        for (var index = 0; index < count; index++)
        {
            _ = random.NextDouble();
            var error = random.NextDouble();
            var status = random.NextDouble();
            _ = random.NextDouble();
            if (error < errorRate)
            {
                statuses.Add(status < 0.5 ? HttpStatusCode.InternalServerError : HttpStatusCode.ServiceUnavailable);
            }
            else if (error < errorRate + throttleRate)
            {
                statuses.Add(HttpStatusCode.TooManyRequests);
            }
            else
            {
                statuses.Add(HttpStatusCode.OK);
            }
        }

        return statuses;
    }
}
