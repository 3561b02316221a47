using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Pagecall.Emulator;
using Pagecall.Packaging.Tests.Infrastructure;

namespace Pagecall.Packaging.Tests;

/// <summary>
/// Runs the built tutoring app against an in-process emulator on loopback and walks the tutorial: register a
/// host and a guest, create their private room, and follow each invite link to the emulator's join check.
/// </summary>
public sealed class TutoringAppTests(PackagingFixture fixture)
{
    private const string Host = "mentor-ashley";
    private const string Guest = "mentee-jayden";
    private const string Outsider = "coordinator-grace";

    [Fact]
    public async Task InviteLinksAdmitOnlyRoomMembers()
    {
        await using var session = await TutoringSession.StartAsync(fixture);
        var app = session.App;

        await session.RegisterAsync(Host, "Ashley Kim");
        await session.RegisterAsync(Guest, "Jayden Moon");
        await session.RegisterAsync(Outsider, "Grace Yoo");
        var roomId = await session.CreateRoomAsync(Host, Guest);

        var host = await session.FollowInviteAsync(roomId, Host);
        Assert.Equal(HttpStatusCode.OK, host.Status);
        Assert.True(host.Body["allowed"]?.GetValue<bool>());
        Assert.Equal(Host, host.Body["user_id"]?.GetValue<string>());
        Assert.Equal("host", host.Body["member_type"]?.GetValue<string>());

        var guest = await session.FollowInviteAsync(roomId, Guest);
        Assert.Equal(HttpStatusCode.OK, guest.Status);
        Assert.True(guest.Body["allowed"]?.GetValue<bool>());
        Assert.Equal(Guest, guest.Body["user_id"]?.GetValue<string>());
        Assert.Equal("guest", guest.Body["member_type"]?.GetValue<string>());

        var outsider = await session.FollowInviteAsync(roomId, Outsider);
        Assert.Equal(HttpStatusCode.Forbidden, outsider.Status);
        Assert.False(outsider.Body["allowed"]?.GetValue<bool>());

        // The console logger prints in order, so once the last redirect is logged, every earlier line is printed.
        await app.WaitForOutputAsync($"Redirected user {Outsider}");
        Assert.DoesNotContain(session.ApiKey, app.Output, StringComparison.Ordinal);
        foreach (var accessToken in new[] { host.AccessToken, guest.AccessToken, outsider.AccessToken })
        {
            Assert.DoesNotContain(accessToken, app.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RoomIsPrivateWithTwoMembers()
    {
        await using var session = await TutoringSession.StartAsync(fixture);
        await session.RegisterAsync(Host, "Ashley Kim");
        await session.RegisterAsync(Guest, "Jayden Moon");

        var roomId = await session.CreateRoomAsync(Host, Guest);

        var room = await session.Api.GetFromJsonAsync<JsonObject>($"rooms/{roomId}", TestContext.Current.CancellationToken);
        Assert.Equal("private", room?["room"]?["type"]?.GetValue<string>());
        Assert.Equal($"One-on-One: {Host} & {Guest}", room?["room"]?["name"]?.GetValue<string>());
        var members = await session.Api.GetFromJsonAsync<JsonObject>(
            $"rooms/{roomId}/members", TestContext.Current.CancellationToken);
        var types = members?["members"]?.AsArray()
            .Select(member => $"{member?["user_id"]}={member?["type"]}")
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal([$"{Guest}=guest", $"{Host}=host"], types);
    }

    [Fact]
    public async Task RegisterUserUpdatesExistingUser()
    {
        await using var session = await TutoringSession.StartAsync(fixture);

        var first = await session.RegisterAsync(Host, "Ashley Kim");
        var second = await session.RegisterAsync(Host, "Ashley Park");

        Assert.Equal("Ashley Kim", first["name"]?.GetValue<string>());
        Assert.Equal("Ashley Park", second["name"]?.GetValue<string>());
        Assert.Null(second["access_token"]);
        var users = await session.Api.GetFromJsonAsync<JsonObject>("users", TestContext.Current.CancellationToken);
        Assert.Equal(1, users?["paging"]?["total"]?.GetValue<int>());
        Assert.Equal("Ashley Park", users?["users"]?[0]?["name"]?.GetValue<string>());
    }

    [Fact]
    public async Task InvalidRequestsKeepClientStatus()
    {
        await using var session = await TutoringSession.StartAsync(fixture);
        using var client = session.App.CreateClient();
        var cancellationToken = TestContext.Current.CancellationToken;
        await session.RegisterAsync(Host, "Ashley Kim");

        var missingGuest = await client.PostAsJsonAsync("rooms", new { host_user_id = Host }, cancellationToken);
        var problem = await missingGuest.Content.ReadFromJsonAsync<JsonObject>(cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, missingGuest.StatusCode);
        Assert.NotNull(problem?["errors"]?["guest_user_id"]);

        var sameUser = await client.PostAsJsonAsync(
            "rooms", new { host_user_id = Host, guest_user_id = Host }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, sameUser.StatusCode);

        // The emulator rejects a member who is not a user of the workspace with 400, and the app keeps the status.
        var unknownGuest = await client.PostAsJsonAsync(
            "rooms", new { host_user_id = Host, guest_user_id = "nobody" }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, unknownGuest.StatusCode);

        var missingUserId = await client.PostAsJsonAsync("users", new { name = "No Id" }, cancellationToken);
        Assert.Equal(HttpStatusCode.BadRequest, missingUserId.StatusCode);

        var unknownUser = await client.GetAsync("rooms/000000000000000000000000/invite/nobody", cancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, unknownUser.StatusCode);
        Assert.Null(unknownUser.Headers.Location);
    }

    [Fact]
    public async Task MissingApiKeyStopsStartup()
    {
        var sample = await fixture.BuildSampleAsync();
        var environment = new Dictionary<string, string?>(PackagingFixture.BaseEnvironment)
        {
            ["Pagecall__ApiBaseAddress"] = "http://127.0.0.1:9/v1/",
            ["Pagecall__ApiKey"] = null,
        };

        var result = await DotnetProcess.RunAsync(
            Path.GetDirectoryName(sample.AssemblyPath)!, environment, TimeSpan.FromMinutes(1),
            sample.AssemblyPath, "--urls", "http://127.0.0.1:0");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Pagecall:ApiKey is missing", result.Output, StringComparison.Ordinal);
    }

    /// <summary>An emulator workspace with the tutoring app pointed at it, and the calls the tests make.</summary>
    private sealed class TutoringSession : IAsyncDisposable
    {
        private readonly PagecallEmulator _emulator;
        private readonly HttpClient _appClient;
        private readonly HttpClient _joinClient = new(new HttpClientHandler { AllowAutoRedirect = false });

        private TutoringSession(PagecallEmulator emulator, TutoringAppProcess app, string apiKey)
        {
            _emulator = emulator;
            App = app;
            ApiKey = apiKey;
            _appClient = app.CreateClient();
            Api = new HttpClient { BaseAddress = emulator.ApiBaseAddress };
            Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        public TutoringAppProcess App { get; }

        public string ApiKey { get; }

        /// <summary>A client of the emulator's API in the app's workspace, for checking what the app did.</summary>
        public HttpClient Api { get; }

        public static async Task<TutoringSession> StartAsync(PackagingFixture fixture)
        {
            var sample = await fixture.BuildSampleAsync();
            var apiKey = "tutoring-" + Guid.NewGuid().ToString("N");
            var emulator = await PagecallEmulator.StartAsync(new EmulatorOptions { ApiKeys = [apiKey] });
            try
            {
                var app = await TutoringAppProcess.StartAsync(sample.AssemblyPath, new Dictionary<string, string?>
                {
                    ["Pagecall__ApiBaseAddress"] = emulator.ApiBaseAddress.AbsoluteUri,
                    ["Pagecall__ApiKey"] = apiKey,
                    ["Pagecall__MeetBaseAddress"] = emulator.MeetAddress.AbsoluteUri,
                });
                return new TutoringSession(emulator, app, apiKey);
            }
            catch
            {
                await emulator.DisposeAsync();
                throw;
            }
        }

        public async Task<JsonObject> RegisterAsync(string userId, string name)
        {
            var response = await _appClient.PostAsJsonAsync(
                "users", new { user_id = userId, name }, TestContext.Current.CancellationToken);
            var body = await ReadObjectAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /users returned {response.StatusCode}: {body}");
            Assert.Equal(userId, body["user_id"]?.GetValue<string>());
            return body;
        }

        public async Task<string> CreateRoomAsync(string hostUserId, string guestUserId)
        {
            var response = await _appClient.PostAsJsonAsync(
                "rooms",
                new { host_user_id = hostUserId, guest_user_id = guestUserId },
                TestContext.Current.CancellationToken);
            var body = await ReadObjectAsync(response);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST /rooms returned {response.StatusCode}: {body}");
            return body["room_id"]?.GetValue<string>() ?? throw new InvalidDataException($"No room_id in {body}.");
        }

        /// <summary>
        /// Requests the invite redirect, checks that it points at the emulator's join check and follows it. The
        /// check of the address comes first, so a wrong setting can never send the request anywhere else.
        /// </summary>
        public async Task<JoinResult> FollowInviteAsync(string roomId, string userId)
        {
            var cancellationToken = TestContext.Current.CancellationToken;
            var redirect = await _appClient.GetAsync($"rooms/{roomId}/invite/{userId}", cancellationToken);
            Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
            Assert.True(redirect.Headers.CacheControl?.NoStore, "The redirect must carry Cache-Control: no-store.");

            var location = redirect.Headers.Location;
            Assert.NotNull(location);
            Assert.True(location.IsAbsoluteUri, $"The Location {location} is not absolute.");
            Assert.Equal(_emulator.MeetAddress.GetLeftPart(UriPartial.Path), location.GetLeftPart(UriPartial.Path));

            var query = System.Web.HttpUtility.ParseQueryString(location.Query);
            Assert.Equal(roomId, query["room_id"]);
            var accessToken = query["access_token"];
            Assert.False(string.IsNullOrEmpty(accessToken), "The invite link has no access_token.");

            var join = await _joinClient.GetAsync(location, cancellationToken);
            return new JoinResult(join.StatusCode, await ReadObjectAsync(join), accessToken);
        }

        public async ValueTask DisposeAsync()
        {
            _appClient.Dispose();
            _joinClient.Dispose();
            Api.Dispose();
            await App.DisposeAsync();
            await _emulator.DisposeAsync();
        }

        private static async Task<JsonObject> ReadObjectAsync(HttpResponseMessage response)
        {
            var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            return JsonNode.Parse(text) as JsonObject
                ?? throw new InvalidDataException($"Expected a JSON object, got: {text}");
        }
    }

    /// <summary>The join check's status and body, and the access token that the invite link carried.</summary>
    private sealed record JoinResult(HttpStatusCode Status, JsonObject Body, string AccessToken);
}
