using System.Diagnostics;
using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class FaultInjectionTests
{
    [Fact]
    public async Task FaultsAreOffByDefault()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var statuses = new List<HttpStatusCode>();
        for (var index = 0; index < 50; index++)
        {
            statuses.Add((await emulator.Client.GetApiAsync("users")).Status);
        }

        Assert.All(statuses, status => Assert.Equal(HttpStatusCode.OK, status));
    }

    [Fact]
    public async Task LatencyDelaysEachRequestAtLeastMinimum()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions
        {
            LatencyMinMilliseconds = 150,
            LatencyMaxMilliseconds = 200,
        });

        var started = Stopwatch.GetTimestamp();
        var response = await emulator.Client.GetApiAsync("users");
        var elapsed = Stopwatch.GetElapsedTime(started);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(elapsed >= TimeSpan.FromMilliseconds(150), $"The request took {elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task RateLimitAnswersTooManyRequests()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { RateLimitPerSecond = 0.5 });

        var responses = new List<ApiResponse>();
        for (var index = 0; index < 10; index++)
        {
            responses.Add(await emulator.Client.GetApiAsync("users"));
        }

        Assert.Equal(HttpStatusCode.OK, responses[0].Status);
        var limited = responses.First(response => response.Status == HttpStatusCode.TooManyRequests);
        Assert.Equal("rate_limited", limited.ErrorCode);
        var retryAfter = limited.Message.Headers.RetryAfter?.Delta;
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ErrorRateIsExactForSeed()
    {
        var faults = new FaultOptions { Seed = 42, ErrorRate = 0.3 };

        var first = await CollectStatusesAsync(faults, 200);
        var second = await CollectStatusesAsync(faults, 200);

        Assert.Equal(first, second);
        Assert.Equal(ExpectedErrors(42, 0.3, 200), first);
        Assert.Contains(HttpStatusCode.InternalServerError, first);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, first);
    }

    [Fact]
    public async Task ServiceUnavailableCarriesRetryAfter()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { Seed = 7, ErrorRate = 1 });

        ApiResponse? unavailable = null;
        for (var index = 0; index < 50 && unavailable is null; index++)
        {
            var response = await emulator.Client.GetApiAsync("users");
            Assert.NotEqual(HttpStatusCode.OK, response.Status);
            unavailable = response.Status == HttpStatusCode.ServiceUnavailable ? response : null;
        }

        Assert.NotNull(unavailable);
        Assert.Equal("service_unavailable", unavailable.ErrorCode);
        Assert.NotNull(unavailable.Message.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task LostWriteWithStatusIsCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Emulator.Faults = new FaultOptions { Seed = 1, LostWriteRate = 1, LostWriteMode = LostWriteMode.Status };

        var create = await emulator.Client.PostApiAsync("users", """{"user_id":"lost-status","name":"L"}""");
        var read = await emulator.Client.GetApiAsync("users/lost-status");

        Assert.Equal(HttpStatusCode.InternalServerError, create.Status);
        Assert.Equal("internal_error", create.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal("L", read.Json["user"]!["name"].Text());
    }

    [Fact]
    public async Task LostWriteWithDropIsCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Emulator.Faults = new FaultOptions { Seed = 1, LostWriteRate = 1, LostWriteMode = LostWriteMode.Drop };

        // A fresh client, so the request opens a new connection that the handler will not retry.
        var writer = emulator.CreateClient(TestEmulator.ApiKey);
        await Assert.ThrowsAnyAsync<HttpRequestException>(() =>
            writer.PostApiAsync("users", """{"user_id":"lost-drop"}"""));
        var read = await emulator.Client.GetApiAsync("users/lost-drop");

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task LostWriteWithHangIsCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync();
        emulator.Emulator.Faults = new FaultOptions { Seed = 1, LostWriteRate = 1, LostWriteMode = LostWriteMode.Hang };

        // The client's own timeout ends the request, because the emulator never sends a response.
        var writer = emulator.CreateClient(TestEmulator.ApiKey);
        writer.Timeout = TimeSpan.FromSeconds(1);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            writer.PostApiAsync("users", """{"user_id":"lost-hang"}"""));
        var read = await emulator.Client.GetApiAsync("users/lost-hang");

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task LostWritesAtPartialRateAreAllCommitted()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { Seed = 3, LostWriteRate = 0.5 });

        var statuses = new List<HttpStatusCode>();
        for (var index = 0; index < 20; index++)
        {
            statuses.Add((await emulator.Client.PostApiAsync("users", $$"""{"user_id":"partial-{{index}}"}""")).Status);
        }

        var list = await emulator.Client.GetApiAsync("users?limit=100");

        Assert.Contains(HttpStatusCode.InternalServerError, statuses);
        Assert.Contains(HttpStatusCode.OK, statuses);
        Assert.Equal(20, list.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task LostWritesAreExactForSeed()
    {
        var expected = ExpectedLostWrites(seed: 5, rate: 0.4, count: 30);
        Assert.Contains(HttpStatusCode.InternalServerError, expected);
        Assert.Contains(HttpStatusCode.OK, expected);

        // Two emulators with the same seed lose the responses of the same writes.
        foreach (var run in new[] { 1, 2 })
        {
            var statuses = await CollectWriteStatusesAsync(new FaultOptions { Seed = 5, LostWriteRate = 0.4 }, 30);
            Assert.True(expected.SequenceEqual(statuses), $"Run {run} differs from the seed's draws.");
        }
    }

    [Fact]
    public async Task LostWriteKeepsFailedResponse()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { LostWriteRate = 1 });

        var response = await emulator.Client.PostApiAsync("users", """{"name":"no user_id"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("user_id", response.ErrorField);
    }

    [Fact]
    public async Task FaultsChangeAtRunTime()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await emulator.Client.CreateUserAsync("seeded");

        emulator.Emulator.Faults = new FaultOptions { ErrorRate = 1 };
        var failing = await emulator.Client.GetApiAsync("users/seeded");
        emulator.Emulator.Faults = new FaultOptions();
        var passing = await emulator.Client.GetApiAsync("users/seeded");

        Assert.True(failing.Status is HttpStatusCode.InternalServerError or HttpStatusCode.ServiceUnavailable);
        Assert.Equal(HttpStatusCode.OK, passing.Status);
    }

    [Fact]
    public async Task JoinCheckIsExemptFromFaults()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var room = await emulator.Client.CreateRoomAsync("open");
        emulator.Emulator.Faults = new FaultOptions { ErrorRate = 1, RateLimitPerSecond = 0.01 };

        using var browser = new HttpClient();
        for (var index = 0; index < 5; index++)
        {
            var response = await browser.GetAsync(
                $"{emulator.Emulator.MeetAddress}?room_id={room["id"].Text()}", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Theory]
    [InlineData(-1, 0, 0, 0, 0)]
    [InlineData(50, 10, 0, 0, 0)]
    [InlineData(0, 0, -1, 0, 0)]
    [InlineData(0, 0, 0, 1.5, 0)]
    [InlineData(0, 0, 0, 0, -0.1)]
    public void InvalidSettingsAreRejected(int min, int max, double rate, double errorRate, double lostWriteRate)
    {
        var faults = new FaultOptions
        {
            LatencyMinMilliseconds = min,
            LatencyMaxMilliseconds = max,
            RateLimitPerSecond = rate,
            ErrorRate = errorRate,
            LostWriteRate = lostWriteRate,
        };

        Assert.Throws<ArgumentException>(faults.Validate);
    }

    internal static Task<List<HttpStatusCode>> CollectStatusesAsync(FaultOptions faults, int count) =>
        CollectStatusesAsync(faults, count, (client, _) => client.GetApiAsync("users"));

    /// <summary>Sends requests one after another to a new emulator with these faults and returns the statuses.</summary>
    private static async Task<List<HttpStatusCode>> CollectStatusesAsync(
        FaultOptions faults, int count, Func<HttpClient, int, Task<ApiResponse>> send)
    {
        await using var emulator = await TestEmulator.StartAsync(faults);
        var statuses = new List<HttpStatusCode>(count);
        for (var index = 0; index < count; index++)
        {
            statuses.Add((await send(emulator.Client, index)).Status);
        }

        return statuses;
    }

    private static Task<List<HttpStatusCode>> CollectWriteStatusesAsync(FaultOptions faults, int count) =>
        CollectStatusesAsync(faults, count,
            (client, index) => client.PostApiAsync("users", $$"""{"user_id":"seeded-{{index}}"}"""));

    /// <summary>
    /// Replays the documented draw order of four draws per request from one <see cref="Random"/>: delay, error,
    /// error status and lost write.
    /// </summary>
    private static IEnumerable<(double Error, double Status, double Lost)> Draws(int seed, int count)
    {
        var random = new Random(seed);
        for (var index = 0; index < count; index++)
        {
            _ = random.NextDouble();
            var error = random.NextDouble();
            var status = random.NextDouble();
            var lost = random.NextDouble();
            yield return (error, status, lost);
        }
    }

    /// <summary>A request fails when the error draw is below the rate, with 500 when the status draw is below 0.5, else 503.</summary>
    private static List<HttpStatusCode> ExpectedErrors(int seed, double rate, int count) =>
        Draws(seed, count)
            .Select(draw => draw.Error >= rate ? HttpStatusCode.OK
                : draw.Status < 0.5 ? HttpStatusCode.InternalServerError : HttpStatusCode.ServiceUnavailable)
            .ToList();

    /// <summary>Without an error rate, a write loses its response to a 500 when the lost-write draw is below the rate.</summary>
    private static List<HttpStatusCode> ExpectedLostWrites(int seed, double rate, int count) =>
        Draws(seed, count)
            .Select(draw => draw.Lost < rate ? HttpStatusCode.InternalServerError : HttpStatusCode.OK)
            .ToList();
}
