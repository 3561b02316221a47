using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Http;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>Retries of the resilient client against the emulator's injected faults, counted in its request log.</summary>
public sealed class RetryTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task RateLimitedGetRetriedAfterRetryAfter()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        harness.Emulator.Faults = ThrottleSecondAndThird();

        await harness.Client.ListUsersAsync(cancellationToken: Token);
        var page = await harness.Client.ListUsersAsync(cancellationToken: Token);

        Assert.Empty(page.Users);
        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.For("GET", "/v1/users").Select(request => request.StatusCode).ToList();
        Assert.Equal([200, 429, 429, 200], statuses);

        // The emulator sends Retry-After: 1 with each 429, and every retry waits exactly that instead of the 20 ms
        // backoff.
        var retries = harness.ClientLog.Entries
            .Where(entry => entry.Category == PagecallApiServiceCollectionExtensions.RetryLogCategory)
            .ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, retry => Assert.Equal("429", retry.Values["Outcome"]));
        Assert.All(retries, retry => Assert.Equal("1000", retry.Values["DelayMilliseconds"]));
    }

    [Fact]
    public async Task RateLimitedPostRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        harness.Emulator.Faults = ThrottleSecondAndThird();

        await harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "first" }, Token);
        await harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "second" }, Token);

        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.For("POST", "/v1/users").Select(request => request.StatusCode).ToList();
        Assert.Equal([200, 429, 429, 200], statuses);
        harness.Emulator.Faults = new FaultOptions();
        var users = await harness.CreateCheckingClient().ListUsersAsync(cancellationToken: Token);
        Assert.Equal(["first", "second"], users.Users.Select(user => user.UserId));
    }

    [Fact]
    public async Task UnavailableGetRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var seed = FaultSeeds.Find(0.5, 503, 503, null);
        harness.Emulator.Faults = new FaultOptions { Seed = seed, ErrorRate = 0.5 };

        var page = await harness.Client.ListRoomsAsync(cancellationToken: Token);

        Assert.Empty(page.Rooms);
        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.For("GET", "/v1/rooms").Select(request => request.StatusCode).ToList();
        Assert.Equal([503, 503, 200], statuses);
        var attempts = harness.ClientLog.Entries
            .Where(entry => entry.Category == AttemptLoggingHandler.Category)
            .Select(entry => entry.Values["Attempt"])
            .ToList();
        Assert.Equal(["1", "2", "3"], attempts);
    }

    [Fact]
    public async Task ServerErrorPutRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        await harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "renamed", Name = "Old" }, Token);
        harness.Emulator.Faults = new FaultOptions { Seed = FaultSeeds.Find(0.5, 500, null), ErrorRate = 0.5 };

        var user = await harness.Client.UpdateUserAsync("renamed", new UpdateUserRequest { Name = "New" }, Token);

        Assert.Equal("New", user.User.Name);
        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.For("PUT", "/v1/users/renamed").Select(request => request.StatusCode).ToList();
        Assert.Equal([500, 200], statuses);
    }

    [Fact]
    public async Task LostWritePostNotRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        harness.Emulator.Faults = new FaultOptions { Seed = 3, LostWriteRate = 1 };

        var error = await Assert.ThrowsAsync<PagecallClientApiException>(() =>
            harness.Client.CreateRoomAsync(new CreateRoomRequest { Name = "Once", Type = RoomType.Private }, Token));

        Assert.Equal(500, error.StatusCode);
        await harness.ServerLog.SettleAsync();
        var posts = harness.ServerLog.For("POST", "/v1/rooms");
        Assert.Single(posts);

        // The write was committed before its response was replaced, so a retry would have made a second room.
        harness.Emulator.Faults = new FaultOptions();
        var rooms = await harness.CreateCheckingClient().ListRoomsAsync(name: "Once", cancellationToken: Token);
        Assert.Single(rooms.Rooms);
    }

    [Fact]
    public async Task InjectedErrorPostNotRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        harness.Emulator.Faults = new FaultOptions { Seed = FaultSeeds.Find(1, 503), ErrorRate = 1 };

        var error = await Assert.ThrowsAsync<PagecallClientApiException>(() =>
            harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "never" }, Token));

        Assert.Equal(503, error.StatusCode);
        await harness.ServerLog.SettleAsync();
        Assert.Single(harness.ServerLog.For("POST", "/v1/users"));
    }

    [Fact]
    public async Task RetriesStopAtMaxRetries()
    {
        await using var harness = await ResilientClientHarness.StartAsync(options => options.MaxRetries = 2);
        harness.Emulator.Faults = new FaultOptions { Seed = FaultSeeds.Find(1, 500, 500, 500), ErrorRate = 1 };

        var error = await Assert.ThrowsAsync<PagecallClientApiException>(() =>
            harness.Client.GetUserAsync("missing", Token));

        Assert.Equal(500, error.StatusCode);
        await harness.ServerLog.SettleAsync();
        Assert.Equal(3, harness.ServerLog.For("GET", "/v1/users/missing").Count);
    }

    [Fact]
    public async Task NotFoundNotRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();

        var error = await Assert.ThrowsAsync<PagecallClientApiException>(() =>
            harness.Client.GetUserAsync("missing", Token));

        Assert.Equal(404, error.StatusCode);
        await harness.ServerLog.SettleAsync();
        Assert.Single(harness.ServerLog.For("GET", "/v1/users/missing"));
    }

    [Fact]
    public async Task DroppedPutRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        await harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "dropped", Name = "Old" }, Token);
        harness.Emulator.Faults = new FaultOptions
        {
            Seed = FaultSeeds.FindLostWrites(0.5, true, false),
            LostWriteRate = 0.5,
            LostWriteMode = LostWriteMode.Drop,
        };

        var user = await harness.Client.UpdateUserAsync("dropped", new UpdateUserRequest { Name = "New" }, Token);

        Assert.Equal("New", user.User.Name);
        await harness.ServerLog.WaitForAsync("PUT", "/v1/users/dropped", 2);
        await harness.ServerLog.SettleAsync();
        Assert.Equal(2, harness.ServerLog.For("PUT", "/v1/users/dropped").Count);
    }

    [Fact]
    public async Task DroppedPostNotRetried()
    {
        await using var harness = await ResilientClientHarness.StartAsync();

        // A first request opens a pooled connection, the case in which the transport could resend on its own.
        await harness.Client.ListRoomsAsync(cancellationToken: Token);
        harness.Emulator.Faults = new FaultOptions { Seed = 3, LostWriteRate = 1, LostWriteMode = LostWriteMode.Drop };

        await Assert.ThrowsAsync<HttpRequestException>(() =>
            harness.Client.CreateRoomAsync(new CreateRoomRequest { Name = "Dropped", Type = RoomType.Open }, Token));

        await harness.ServerLog.WaitForAsync("POST", "/v1/rooms", 1);
        await harness.ServerLog.SettleAsync();
        Assert.Single(harness.ServerLog.For("POST", "/v1/rooms"));
        harness.Emulator.Faults = new FaultOptions();
        var rooms = await harness.CreateCheckingClient().ListRoomsAsync(name: "Dropped", cancellationToken: Token);
        Assert.Single(rooms.Rooms);
    }

    /// <summary>
    /// Returns seeded faults that reject the second and third request with 429 and <c>Retry-After: 1</c>. The
    /// emulator's rate limit runs on the clock instead, so its 429s depend on how fast the requests follow each
    /// other. After a slow first request on a busy machine, the second request can get 200 in place of its 429.
    /// </summary>
    internal static FaultOptions ThrottleSecondAndThird() => new()
    {
        Seed = FaultSeeds.FindThrottled(0.5, false, true, true, false),
        ThrottleRate = 0.5,
    };
}
