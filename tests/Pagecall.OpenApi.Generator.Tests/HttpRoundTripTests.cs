using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pagecall.Api;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Drives the Pagecall client that the generator compiled into this test project against a Kestrel server on
/// loopback. The server answers from <see cref="CannedPagecallApi"/> and records each request, so the tests check
/// what goes over the wire (method, raw path, query, body, bearer header) and how every answer is read back.
/// </summary>
public sealed class HttpRoundTripTests : IAsyncLifetime
{
    private const string ApiKey = "test-api-key";

    private LoopbackApiServer _server = null!;
    private HttpClient _httpClient = null!;
    private PagecallClient _client = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackApiServer.StartAsync(CannedPagecallApi.Respond);
        _httpClient = new HttpClient { BaseAddress = _server.BaseAddress };
        _httpClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        _client = new PagecallClient(_httpClient);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        _httpClient.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task CreateUserSendsJsonBody()
    {
        var request = new CreateUserRequest
        {
            UserId = "external_user_102932",
            Name = "Ada",
            ProfileUrl = "https://example.invalid/ada.png",
            DefaultMemberType = MemberType.Host,
            Metadata = new Dictionary<string, JsonElement> { ["team"] = JsonDocument.Parse("\"blue\"").RootElement },
        };

        var response = await _client.CreateUserAsync(request, Cancellation);

        var sent = _server.TakeSingle();
        Assert.Equal("POST", sent.Method);
        Assert.Equal("/v1/users", sent.RawPath);
        Assert.Equal("", sent.RawQuery);
        Assert.Equal("Bearer " + ApiKey, sent.Authorization);
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        JsonAssert.Equivalent("""
            {"user_id": "external_user_102932", "name": "Ada", "profile_url": "https://example.invalid/ada.png",
             "default_member_type": "host", "metadata": {"team": "blue"}}
            """, sent.Body);
        Assert.Equal("external_user_102932", response.User.UserId);
    }

    [Fact]
    public async Task UserResponseKeepsUnknownData()
    {
        var response = await _client.GetUserAsync("external_user_102932", Cancellation);

        var user = response.User;
        Assert.Equal("642d103ce95bc9dc22ef789f", user.Id);
        Assert.Equal("Ada", user.Name);
        Assert.Null(user.Nickname);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 1, 0, 0, TimeSpan.Zero), user.CreatedAt);
        Assert.Equal("blue", user.Metadata!["team"].GetString());
        Assert.Equal(3, user.Metadata["level"].GetInt32());

        var memberType = user.DefaultMemberType!.Value;
        Assert.Equal("moderator", memberType.Value);
        Assert.False(memberType.IsKnown);
        Assert.NotEqual(MemberType.Guest, memberType);
        Assert.Equal(new MemberType("moderator"), memberType);

        Assert.Equal(["future_field", "score"], user.AdditionalData.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(12.5, user.AdditionalData["score"].GetDouble());
        JsonAssert.Equivalent(CannedPagecallApi.User, user.ToJson());
    }

    [Fact]
    public async Task UserOperationsUseTheirRoutes()
    {
        await _client.GetUserAsync("user-1", Cancellation);
        await _client.UpdateUserAsync("user-1", new UpdateUserRequest { Name = "Grace" }, Cancellation);
        await _client.DeleteUserAsync("user-1", Cancellation);

        var sent = _server.TakeAll();
        Assert.Equal(
            ["GET /v1/users/user-1", "PUT /v1/users/user-1", "DELETE /v1/users/user-1"],
            sent.Select(request => $"{request.Method} {request.RawPath}"));
        Assert.All(sent, request => Assert.Equal("Bearer " + ApiKey, request.Authorization));
        Assert.Equal("", sent[0].Body);
        JsonAssert.Equivalent("""{"name": "Grace"}""", sent[1].Body);
        Assert.Equal("", sent[2].Body);
    }

    [Fact]
    public async Task PathValuesArePercentEscaped()
    {
        await _client.GetUserAsync("a b/c?d#e%f+g&größe", Cancellation);

        var sent = _server.TakeSingle();
        Assert.Equal("/v1/users/a%20b%2Fc%3Fd%23e%25f%2Bg%26gr%C3%B6%C3%9Fe", sent.RawPath);
        Assert.Equal("", sent.RawQuery);
    }

    [Fact]
    public async Task ListUsersSendsQueryValues()
    {
        var page = await _client.ListUsersAsync(offset: 2, limit: 2, sortBy: "+created_at", Cancellation);

        var sent = _server.TakeSingle();
        Assert.Equal("GET", sent.Method);
        Assert.Equal("/v1/users", sent.RawPath);
        Assert.Equal(["2"], sent.Query["offset"]);
        Assert.Equal(["2"], sent.Query["limit"]);
        Assert.Equal(["+created_at"], sent.Query["sort_by"]);
        Assert.Equal(["user-2", "user-3"], page.Users.Select(user => user.UserId));
        Assert.Equal(CannedPagecallApi.ListTotal, page.Paging.Total);
    }

    [Fact]
    public async Task OmittedQueryValuesAreNotSent()
    {
        await _client.ListRoomsAsync(cancellationToken: Cancellation);
        await _client.ListRoomsAsync(name: "Weekly sync", isTerminated: false, layout: "grid", cancellationToken: Cancellation);

        var sent = _server.TakeAll();
        Assert.Equal("", sent[0].RawQuery);
        Assert.Equal(["Weekly sync"], sent[1].Query["name"]);
        Assert.Equal(["false"], sent[1].Query["is_terminated"]);
        Assert.Equal(["grid"], sent[1].Query["layout"]);
        Assert.DoesNotContain("offset", sent[1].Query.Keys);
    }

    [Fact]
    public async Task RoomOperationsRoundTrip()
    {
        var created = await _client.CreateRoomAsync(new CreateRoomRequest
        {
            Name = "Weekly sync",
            Type = RoomType.Private,
            Record = false,
            MaxMeetingSeconds = 3600,
            Members = [new RoomMemberInput { UserId = "u1", Type = MemberType.Guest, Name = "Guest one" }],
            Webhook = new Webhook
            {
                Url = new Uri("https://example.invalid/hook"),
                Headers = new Dictionary<string, string> { ["X-Secret"] = "s" },
            },
        }, Cancellation);
        var fetched = await _client.GetRoomAsync("room-1", Cancellation);
        await _client.UpdateRoomAsync("room-1", new UpdateRoomRequest { IsTerminated = true }, Cancellation);
        await _client.DeleteRoomAsync("room-1", Cancellation);

        var sent = _server.TakeAll();
        Assert.Equal(
            ["POST /v1/rooms", "GET /v1/rooms/room-1", "PUT /v1/rooms/room-1", "DELETE /v1/rooms/room-1"],
            sent.Select(request => $"{request.Method} {request.RawPath}"));
        JsonAssert.Equivalent("""
            {"name": "Weekly sync", "type": "private", "record": false, "max_meeting_seconds": 3600,
             "members": [{"user_id": "u1", "type": "guest", "name": "Guest one"}],
             "webhook": {"url": "https://example.invalid/hook", "headers": {"X-Secret": "s"}}}
            """, sent[0].Body);
        JsonAssert.Equivalent("""{"is_terminated": true}""", sent[2].Body);

        Assert.Equal(0, created.Paging!.Total);
        var room = fetched.Room;
        Assert.Equal("webinar", room.Type.Value);
        Assert.False(room.Type.IsKnown);
        Assert.Equal(5_000_000_000L, room.MeetingTime);
        Assert.Equal(3600L, room.MaxMeetingSeconds);
        Assert.True(room.IsRecurring);
        Assert.Null(room.TerminatedAt);
        Assert.Contains("recording_url", room.AdditionalData.Keys);
        JsonAssert.Equivalent(CannedPagecallApi.Room, room.ToJson());
    }

    [Fact]
    public async Task MemberOperationsRoundTrip()
    {
        await _client.AddMemberAsync("room 1", new AddMemberRequest { UserId = "u1", Type = MemberType.Monitor },
            Cancellation);
        var fetched = await _client.GetMemberAsync("room 1", "u1", Cancellation);
        await _client.UpdateMemberAsync("room 1", "u1", new UpdateMemberRequest { Type = new MemberType("moderator") },
            Cancellation);
        await _client.RemoveMemberAsync("room 1", "u1", Cancellation);
        var page = await _client.ListMembersAsync("room 1", offset: 4, limit: 10, Cancellation);

        var sent = _server.TakeAll();
        Assert.Equal(
            [
                "POST /v1/rooms/room%201/members", "GET /v1/rooms/room%201/members/u1",
                "PUT /v1/rooms/room%201/members/u1", "DELETE /v1/rooms/room%201/members/u1",
                "GET /v1/rooms/room%201/members",
            ],
            sent.Select(request => $"{request.Method} {request.RawPath}"));
        JsonAssert.Equivalent("""{"user_id": "u1", "type": "monitor"}""", sent[0].Body);
        JsonAssert.Equivalent("""{"type": "moderator"}""", sent[2].Body);
        Assert.Equal("offset=4&limit=10", sent[4].RawQuery.TrimStart('?'));

        Assert.Equal(MemberType.Host, fetched.Member.Type);
        Assert.True(fetched.Member.Type!.Value.IsKnown);
        JsonAssert.Equivalent(CannedPagecallApi.Member, fetched.Member.ToJson());
        Assert.Equal(["member-4"], page.Members.Select(member => member.Id));
    }

    [Fact]
    public async Task SessionListSendsFilters()
    {
        var page = await _client.ListRoomSessionsAsync("room-1", userId: "u1", isConnecting: true, offset: 0, limit: 3,
            Cancellation);

        var sent = _server.TakeSingle();
        Assert.Equal("/v1/rooms/room-1/sessions", sent.RawPath);
        Assert.Equal(["u1"], sent.Query["user_id"]);
        Assert.Equal(["true"], sent.Query["is_connecting"]);
        Assert.Equal(3, page.Sessions.Count);
        var session = page.Sessions[0];
        Assert.Equal("session-0", session.Id);
        Assert.Equal(3_600_000L, session.ElapsedTime);
        Assert.Equal(new DateTimeOffset(2023, 1, 1, 2, 0, 0, TimeSpan.Zero), session.DisconnectedAt);
        JsonAssert.Equivalent(CannedPagecallApi.Session.Replace("session-1", "session-0", StringComparison.Ordinal),
            session.ToJson());
    }

    [Fact]
    public async Task PagingHelperWalksAllPages()
    {
        var users = new List<string>();
        await foreach (var user in _client.ListUsersAllAsync(limit: 2, cancellationToken: Cancellation))
        {
            users.Add(user.UserId);
        }

        Assert.Equal(["user-0", "user-1", "user-2", "user-3", "user-4"], users);
        Assert.Equal(["0", "2", "4"], _server.TakeAll().Select(request => request.Query["offset"].Single()));
    }

    [Fact]
    public async Task PagingHelperRejectsLostItems()
    {
        var rooms = new List<string>();
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await foreach (var room in _client.ListRoomsAllAsync(name: CannedPagecallApi.LossyRoomName,
                               cancellationToken: Cancellation))
            {
                rooms.Add(room.Id);
            }
        });

        Assert.Equal(["room-0", "room-1"], rooms);
        Assert.Contains("3", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotFoundThrowsApiException()
    {
        var exception = await Assert.ThrowsAsync<PagecallClientApiException>(
            () => _client.GetUserAsync(CannedPagecallApi.MissingUserId, Cancellation));

        Assert.Equal(404, exception.StatusCode);
        Assert.Equal(CannedPagecallApi.RequestId, exception.RequestId);
        JsonAssert.Equivalent(CannedPagecallApi.NotFoundError, exception.ResponseBody!);
        var error = Assert.IsType<Error>(exception.Error);
        Assert.Equal("not_found", error.Code);
        Assert.Null(error.Field);
        Assert.Contains("GET", exception.Message, StringComparison.Ordinal);
        Assert.Contains("404", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ErrorMessageOmitsQueryValues()
    {
        await using var failing = await LoopbackApiServer.StartAsync(_ => new CannedResponse(500, """{"code":"boom"}"""));
        using var httpClient = new HttpClient { BaseAddress = failing.BaseAddress };
        var client = new PagecallClient(httpClient);

        var exception = await Assert.ThrowsAsync<PagecallClientApiException>(
            () => client.ListRoomsAsync(name: "secret-room-name", cancellationToken: Cancellation));

        Assert.Equal(500, exception.StatusCode);
        Assert.Null(exception.RequestId);
        Assert.DoesNotContain("secret-room-name", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BaseAddressWithoutSlashIsRejected()
    {
        var withoutSlash = _server.BaseAddress.AbsoluteUri.TrimEnd('/');
        using var httpClient = new HttpClient { BaseAddress = new Uri(withoutSlash) };
        var client = new PagecallClient(httpClient);

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => client.GetUserAsync("user-1", Cancellation));

        Assert.Contains("'" + withoutSlash + "'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'" + withoutSlash + "/'", exception.Message, StringComparison.Ordinal);
        Assert.Empty(_server.TakeAll());
    }

    [Fact]
    public async Task TokenProviderSetsBearerHeader()
    {
        using var httpClient = new HttpClient { BaseAddress = _server.BaseAddress };
        var client = new PagecallClient(httpClient, _ => ValueTask.FromResult<string?>("provided-token"));

        await client.GetRoomAsync("room-1", Cancellation);

        Assert.Equal("Bearer provided-token", _server.TakeSingle().Authorization);
    }

    [Fact]
    public async Task ServiceRegistrationResolvesClient()
    {
        var services = new ServiceCollection();
        services.AddPagecallClient(http =>
        {
            http.BaseAddress = _server.BaseAddress;
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        });
        await using var provider = services.BuildServiceProvider();

        var client = provider.GetRequiredService<IPagecallClient>();
        var response = await client.GetMemberAsync("room-1", "u1", Cancellation);

        Assert.Equal("member-1", response.Member.Id);
        Assert.Equal("Bearer " + ApiKey, _server.TakeSingle().Authorization);
    }
}
