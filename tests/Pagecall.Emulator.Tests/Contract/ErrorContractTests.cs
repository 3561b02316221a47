using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>
/// Error statuses as the generated client reports them: the exception's status code and the <see cref="Error"/>
/// body that the spec declares for that status.
/// </summary>
public sealed class ErrorContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    private IPagecallClient Client => fixture.Emulator.Client;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MissingKeyIsUnauthorized()
    {
        var anonymous = fixture.Emulator.CreateClient(apiKey: null);

        await WireAssert.FailsAsync(() => anonymous.ListUsersAsync(cancellationToken: Cancellation), 401, "unauthorized");
    }

    [Fact]
    public async Task UnknownKeyIsUnauthorized()
    {
        var stranger = fixture.Emulator.CreateClient("not-a-workspace-key");

        await WireAssert.FailsAsync(
            () => stranger.CreateUserAsync(new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation),
            401, "unauthorized");
    }

    [Fact]
    public async Task UnknownIdsAreNotFound()
    {
        const string unknownId = "0123456789abcdef01234567";

        await WireAssert.FailsAsync(() => Client.GetRoomAsync(unknownId, Cancellation), 404, "not_found", "id");
        await WireAssert.FailsAsync(
            () => Client.UpdateRoomAsync(unknownId, new UpdateRoomRequest { Name = "x" }, Cancellation), 404, "not_found", "id");
        await WireAssert.FailsAsync(() => Client.DeleteRoomAsync(unknownId, Cancellation), 404, "not_found", "id");
        await WireAssert.FailsAsync(
            () => Client.ListRoomSessionsAsync(unknownId, cancellationToken: Cancellation), 404, "not_found", "room_id");
        await WireAssert.FailsAsync(
            () => Client.UpdateUserAsync(ApiCalls.NewUserId(), new UpdateUserRequest { Name = "x" }, Cancellation),
            404, "not_found", "user_id");
    }

    [Fact]
    public async Task ForeignWorkspaceRoomIsNotFound()
    {
        var room = (await Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Mine", Type = RoomType.Open }, Cancellation)).Room;
        var other = fixture.Emulator.CreateClient(TestEmulator.OtherApiKey);

        await WireAssert.FailsAsync(() => other.GetRoomAsync(room.Id, Cancellation), 404, "not_found", "id");
    }

    [Fact]
    public async Task ZeroLimitNamesParameter()
    {
        await WireAssert.FailsAsync(
            () => Client.ListUsersAsync(limit: 0, cancellationToken: Cancellation), 400, "invalid_request", "limit");
    }

    [Fact]
    public async Task NegativeOffsetNamesParameter()
    {
        await WireAssert.FailsAsync(
            () => Client.ListRoomsAsync(offset: -1, cancellationToken: Cancellation), 400, "invalid_request", "offset");
    }

    [Fact]
    public async Task InvalidSortNamesParameter()
    {
        await WireAssert.FailsAsync(
            () => Client.ListUsersAsync(sortBy: "name", cancellationToken: Cancellation), 400, "invalid_request", "sort_by");
    }

    [Fact]
    public async Task RateLimitIsTypedError()
    {
        // The first request takes the bucket's one token. At 0.01 a second the next token comes 100 seconds later, so
        // the second request gets 429 even after a slow cold first request.
        await using var emulator = await ContractEmulator.StartAsync(new FaultOptions { RateLimitPerSecond = 0.01 });

        await emulator.Client.ListUsersAsync(cancellationToken: Cancellation);
        await WireAssert.FailsAsync(
            () => emulator.Client.ListUsersAsync(cancellationToken: Cancellation), 429, "rate_limited");
    }

    [Fact]
    public async Task ServerErrorsAreTypedErrors()
    {
        await using var emulator = await ContractEmulator.StartAsync(new FaultOptions { Seed = 3, ErrorRate = 1 });

        var statuses = new HashSet<int>();
        for (var attempt = 0; attempt < 40 && statuses.Count < 2; attempt++)
        {
            var exception = await Assert.ThrowsAsync<PagecallClientApiException>(
                () => emulator.Client.ListUsersAsync(cancellationToken: Cancellation));
            var error = Assert.IsType<Error>(exception.Error);
            Assert.Equal(exception.StatusCode, error.Status);
            Assert.Equal(exception.StatusCode == 503 ? "service_unavailable" : "internal_error", error.Code);
            statuses.Add(exception.StatusCode);
        }

        Assert.Equal([500, 503], statuses.Order());
    }
}
