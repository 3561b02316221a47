using System.Text.Json;
using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>The user operations of the spec, called through the generated client.</summary>
public sealed class UserContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    private IPagecallClient Client => fixture.Emulator.Client;

    private WireRecorder Recorder => fixture.Emulator.Recorder;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateUserReturnsFormattedUser()
    {
        var userId = ApiCalls.NewUserId();

        var response = await Client.CreateUserAsync(new CreateUserRequest
        {
            UserId = userId,
            Name = "Ada",
            ProfileUrl = "https://example.invalid/ada.png",
            Metadata = new Dictionary<string, JsonElement> { ["team"] = JsonDocument.Parse("\"blue\"").RootElement },
        }, Cancellation);

        var user = response.User;
        Assert.Equal(userId, user.UserId);
        Assert.Equal("Ada", user.Name);
        Assert.Equal("https://example.invalid/ada.png", user.ProfileUrl);
        Assert.Equal(MemberType.Guest, user.DefaultMemberType);
        Assert.Equal("blue", user.Metadata!["team"].GetString());
        WireAssert.ObjectId(user.Id);
        WireAssert.AccessToken(user.AccessToken);
        Assert.False(string.IsNullOrEmpty(user.ApplicationId));
        Assert.Empty(user.AdditionalData);

        var exchange = Recorder.Last;
        Assert.Equal(200, exchange.Status);
        WireAssert.Envelope(exchange, "user");
        WireAssert.Timestamp(exchange.Json["user"]!["created_at"]);
        WireAssert.Timestamp(exchange.Json["user"]!["updated_at"]);
        Assert.Equal(user.CreatedAt, user.UpdatedAt);
    }

    [Fact]
    public async Task CreateUserTwiceUpdatesSameUser()
    {
        var userId = ApiCalls.NewUserId();
        var first = (await Client.CreateUserAsync(new CreateUserRequest { UserId = userId, Name = "Ada" }, Cancellation)).User;

        var second = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = userId, DefaultMemberType = MemberType.Host }, Cancellation)).User;

        Assert.Equal(first.Id, second.Id);
        Assert.Equal(first.AccessToken, second.AccessToken);
        Assert.Equal(first.CreatedAt, second.CreatedAt);
        Assert.Equal("Ada", second.Name);
        Assert.Equal(MemberType.Host, second.DefaultMemberType);
    }

    [Fact]
    public async Task GetUserReturnsStoredUser()
    {
        var created = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = ApiCalls.NewUserId(), Name = "Grace" }, Cancellation)).User;

        var fetched = (await Client.GetUserAsync(created.UserId, Cancellation)).User;

        Assert.Equal(created.ToJson(), fetched.ToJson());
        WireAssert.Envelope(Recorder.Last, "user");
    }

    [Fact]
    public async Task ListUsersReturnsPageEnvelope()
    {
        await Client.CreateUserAsync(new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation);

        var page = await Client.ListUsersAsync(offset: 0, limit: 1, sortBy: "-created_at", cancellationToken: Cancellation);

        var user = Assert.Single(page.Users);
        WireAssert.ObjectId(user.Id);
        Assert.Equal(1, page.Paging.Limit);
        Assert.Equal(0, page.Paging.Offset);
        Assert.True(page.Paging.Total >= 1);
        WireAssert.Envelope(Recorder.Last, "users", "paging");
        Assert.Equal("/v1/users?offset=0&limit=1&sort_by=-created_at", Recorder.Last.PathAndQuery);
    }

    [Fact]
    public async Task UpdateUserChangesSuppliedFields()
    {
        var created = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = ApiCalls.NewUserId(), Name = "Ada", ProfileUrl = "https://example.invalid/a" },
            Cancellation)).User;

        var updated = (await Client.UpdateUserAsync(
            created.UserId, new UpdateUserRequest { Name = "Ada L.", DefaultMemberType = MemberType.Monitor },
            Cancellation)).User;

        Assert.Equal("Ada L.", updated.Name);
        Assert.Equal(MemberType.Monitor, updated.DefaultMemberType);
        Assert.Equal("https://example.invalid/a", updated.ProfileUrl);
        Assert.Equal(created.Id, updated.Id);
        Assert.True(updated.UpdatedAt >= created.UpdatedAt);
        WireAssert.Timestamp(Recorder.Last.Json["user"]!["updated_at"]);
    }

    [Fact]
    public async Task UpdateUserRejectsUserIdField()
    {
        var created = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation)).User;
        var request = new UpdateUserRequest();
        request.AdditionalData["user_id"] = JsonDocument.Parse("\"other\"").RootElement;

        await WireAssert.FailsAsync(
            () => Client.UpdateUserAsync(created.UserId, request, Cancellation), 400, "invalid_request", "user_id");
    }

    [Fact]
    public async Task DeleteUserReturnsUserThenNotFound()
    {
        var created = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation)).User;

        var deleted = (await Client.DeleteUserAsync(created.UserId, Cancellation)).User;

        Assert.Equal(created.Id, deleted.Id);
        WireAssert.Envelope(Recorder.Last, "user");
        await WireAssert.FailsAsync(() => Client.GetUserAsync(created.UserId, Cancellation), 404, "not_found", "user_id");
        await WireAssert.FailsAsync(() => Client.DeleteUserAsync(created.UserId, Cancellation), 404, "not_found", "user_id");
    }

    [Theory]
    [InlineData("/a/b", "%2Fa%2Fb")]
    [InlineData("/a%2Fb", "%2Fa%252Fb")]
    public async Task UserIdWithSlashOrPercentRoundTrips(string suffix, string encodedSuffix)
    {
        var prefix = ApiCalls.NewUserId();
        var userId = prefix + suffix;
        var path = $"/v1/users/{prefix}{encodedSuffix}";
        await Client.CreateUserAsync(new CreateUserRequest { UserId = userId, Name = "Ada" }, Cancellation);

        var fetched = (await Client.GetUserAsync(userId, Cancellation)).User;
        var fetchPath = Recorder.Last.PathAndQuery;
        var updated = (await Client.UpdateUserAsync(
            userId, new UpdateUserRequest { Name = "Ada L." }, Cancellation)).User;
        var deleted = (await Client.DeleteUserAsync(userId, Cancellation)).User;

        Assert.Equal(path, fetchPath);
        Assert.Equal(userId, fetched.UserId);
        Assert.Equal("Ada L.", updated.Name);
        Assert.Equal(userId, deleted.UserId);
        await WireAssert.FailsAsync(() => Client.GetUserAsync(userId, Cancellation), 404, "not_found", "user_id");
    }
}
