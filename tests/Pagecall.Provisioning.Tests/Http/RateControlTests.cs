using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Pagecall.Emulator;
using Pagecall.Provisioning.Http;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>The client-side rate cap and the adaptive concurrency limit, over loopback to the emulator.</summary>
public sealed class RateControlTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateCapReleasesOneWindowAtATime()
    {
        // A bucket that refills only when the test calls TryReplenish replaces the clock, so each window is
        // exact. A manual bucket ignores TryReplenish until a replenishment period has passed, hence the 1 ms.
        using var bucket = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 3,
            TokensPerPeriod = 3,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(1),
            AutoReplenishment = false,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
        await using var harness = await ResilientClientHarness.StartAsync(
            replaceServices: services => services.AddSingleton(new PagecallRateCap(bucket)));

        var calls = Enumerable.Range(0, 8)
            .Select(index => harness.Client.GetUserAsync($"user-{index}", Token))
            .ToList();

        await WaitForCompletedAsync(calls, 3);
        await harness.ServerLog.SettleAsync();
        Assert.Equal(3, harness.ServerLog.Requests.Count);
        Assert.Equal(5, calls.Count(call => !call.IsCompleted));

        Assert.True(bucket.TryReplenish());
        await WaitForCompletedAsync(calls, 6);
        await harness.ServerLog.SettleAsync();
        Assert.Equal(6, harness.ServerLog.Requests.Count);
        Assert.Equal(2, calls.Count(call => !call.IsCompleted));

        Assert.True(bucket.TryReplenish());
        await WaitForCompletedAsync(calls, 8);
        await harness.ServerLog.SettleAsync();
        Assert.Equal(8, harness.ServerLog.Requests.Count);
        foreach (var call in calls)
        {
            var error = await Assert.ThrowsAsync<Pagecall.Api.PagecallClientApiException>(() => call);
            Assert.Equal(404, error.StatusCode);
        }
    }

    [Fact]
    public async Task RateCapKeepsUnderServerLimit()
    {
        // The emulator allows 20 requests a second and the client sends at most 10, so no request should get 429.
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxRequestsPerSecond = 10;
            options.MaxRetries = 0;
        });
        harness.Emulator.Faults = new FaultOptions { Seed = 11, RateLimitPerSecond = 20 };

        var calls = Enumerable.Range(0, 30).Select(_ => harness.Client.ListRoomsAsync(cancellationToken: Token));
        await Task.WhenAll(calls);

        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.Requests.Select(request => request.StatusCode).ToList();
        Assert.Equal(30, statuses.Count);
        Assert.All(statuses, status => Assert.Equal(200, status));
    }

    [Fact]
    public async Task ConcurrencyLimitHalvesOnRateLimit()
    {
        await using var harness = await ResilientClientHarness.StartAsync(options => options.MaxConcurrency = 8);
        var limiter = harness.Services.GetRequiredService<AdaptiveConcurrencyLimiter>();
        harness.Emulator.Faults = RetryTests.ThrottleSecondAndThird();

        await harness.Client.ListUsersAsync(cancellationToken: Token);
        Assert.Equal(8, limiter.Limit);
        await harness.Client.ListUsersAsync(cancellationToken: Token);

        // Each 429 halves the limit, because each retry starts after the previous halving. So two 429s take it from
        // 8 to 2, and the one success that follows is too short a run to add one back.
        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.Requests.Select(request => request.StatusCode).ToList();
        Assert.Equal([200, 429, 429, 200], statuses);
        Assert.Equal(2, limiter.Limit);
        Assert.Equal(0, limiter.InFlight);
    }

    /// <summary>Waits until <paramref name="count"/> of the calls have finished; fails after a generous limit.</summary>
    private static async Task WaitForCompletedAsync(IReadOnlyList<Task> calls, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (calls.Count(call => call.IsCompleted) < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Fewer than {count} calls finished within 30 seconds.");
            await Task.Delay(10, Token);
        }
    }
}
