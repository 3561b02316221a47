using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Pagecall.Emulator.Tests;

public sealed partial class UserTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task CreateReturnsUserWithDefaults()
    {
        var userId = ApiCalls.NewUserId();

        var body = $$"""{"user_id":"{{userId}}","name":"Ann","profile_url":"https://example.com/a.png"}""";

        var response = await Client.PostApiAsync("users", body);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = response.Json["user"]!;
        Assert.Equal(userId, user["user_id"].Text());
        Assert.Equal("Ann", user["name"].Text());
        Assert.Equal("https://example.com/a.png", user["profile_url"].Text());
        Assert.Equal("guest", user["default_member_type"].Text());
        Assert.Matches(ObjectId(), user["id"].Text());
        Assert.Matches(AccessToken(), user["access_token"].Text());
        Assert.Matches(Timestamp(), user["created_at"].Text());
        Assert.Equal(user["created_at"].Text(), user["updated_at"].Text());
    }

    [Fact]
    public async Task CreateWithExistingUserIdUpdatesSuppliedFields()
    {
        var created = await Client.CreateUserAsync(name: "Ann", defaultMemberType: "host");
        var userId = created["user_id"].Text();

        var response = await Client.PostApiAsync("users", $$"""{"user_id":"{{userId}}","profile_url":"https://example.com/b.png"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = response.Json["user"]!;
        Assert.Equal(created["id"].Text(), user["id"].Text());
        Assert.Equal(created["access_token"].Text(), user["access_token"].Text());
        Assert.Equal(created["created_at"].Text(), user["created_at"].Text());
        Assert.Equal("Ann", user["name"].Text());
        Assert.Equal("host", user["default_member_type"].Text());
        Assert.Equal("https://example.com/b.png", user["profile_url"].Text());
        Assert.True(ParseTime(user["updated_at"].Text()) > ParseTime(created["updated_at"].Text()));
    }

    [Fact]
    public async Task GetReturnsUserWithAccessToken()
    {
        var created = await Client.CreateUserAsync(name: "Bo");

        var response = await Client.GetApiAsync($"users/{created["user_id"].Text()}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(created.ToJsonString(), response.Json["user"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateChangesOnlySuppliedFields()
    {
        var created = await Client.CreateUserAsync(name: "Cy");
        var userId = created["user_id"].Text();

        var response = await Client.PutApiAsync($"users/{userId}", """{"default_member_type":"monitor","nickname":"cee"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var user = response.Json["user"]!;
        Assert.Equal("Cy", user["name"].Text());
        Assert.Equal("monitor", user["default_member_type"].Text());
        Assert.Equal("cee", user["nickname"].Text());
        Assert.Equal(created["access_token"].Text(), user["access_token"].Text());
        Assert.True(ParseTime(user["updated_at"].Text()) > ParseTime(created["updated_at"].Text()));
    }

    [Theory]
    [InlineData("user_id", "\"other\"")]
    [InlineData("access_token", "\"x\"")]
    [InlineData("metadata", "{}")]
    [InlineData("email", "\"a@example.com\"")]
    public async Task UpdateRejectsFieldOutsideProfile(string field, string value)
    {
        var created = await Client.CreateUserAsync();

        var response = await Client.PutApiAsync($"users/{created["user_id"].Text()}", $$"""{"name":"N","{{field}}":{{value}}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task NullOptionalFieldCountsAsAbsent()
    {
        var userId = ApiCalls.NewUserId();
        var created = await Client.PostApiAsync("users", $$"""{"user_id":"{{userId}}","name":"Dee","profile_url":null}""");

        var updated = await Client.PutApiAsync($"users/{userId}", """{"name":null,"nickname":"dee"}""");

        Assert.Equal(HttpStatusCode.OK, created.Status);
        Assert.Null(created.Json["user"]!["profile_url"]);
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("Dee", updated.Json["user"]!["name"].Text());
        Assert.Equal("dee", updated.Json["user"]!["nickname"].Text());
    }

    [Fact]
    public async Task UpdateOfUnknownUserIsNotFound()
    {
        var response = await Client.PutApiAsync("users/nobody-here", """{"name":"N"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("not_found", response.ErrorCode);
    }

    [Fact]
    public async Task DeleteReturnsUserThenNotFound()
    {
        var created = await Client.CreateUserAsync(name: "Di");
        var path = $"users/{created["user_id"].Text()}";

        var deleted = await Client.DeleteApiAsync(path);
        var after = await Client.GetApiAsync(path);
        var again = await Client.DeleteApiAsync(path);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(created["id"].Text(), deleted.Json["user"]!["id"].Text());
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Equal("not_found", after.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
    }

    [Fact]
    public async Task DeleteRemovesMembershipsInEveryRoom()
    {
        var user = await Client.CreateUserAsync();
        var userId = user["user_id"].Text();
        var first = await Client.CreateRoomAsync("private", null, userId);
        var second = await Client.CreateRoomAsync("public", null, userId);

        await Client.DeleteApiAsync($"users/{userId}");

        foreach (var room in new[] { first, second })
        {
            var members = await Client.GetApiAsync($"rooms/{room["id"].Text()}/members");
            Assert.Empty(members.Json["members"]!.AsArray());
            var member = await Client.GetApiAsync($"rooms/{room["id"].Text()}/members/{userId}");
            Assert.Equal(HttpStatusCode.NotFound, member.Status);
        }
    }

    [Theory]
    [InlineData("""{"name":"no id"}""", "user_id")]
    [InlineData("""{"user_id":""}""", "user_id")]
    [InlineData("""{"user_id":42}""", "user_id")]
    [InlineData("""{"user_id":"u","name":7}""", "name")]
    [InlineData("""{"user_id":"u","default_member_type":"owner"}""", "default_member_type")]
    [InlineData("""{"user_id":"u","metadata":"text"}""", "metadata")]
    [InlineData("""{"user_id":"u","email":"a@example.com"}""", "email")]
    public async Task CreateRejectsInvalidField(string body, string field)
    {
        var response = await Client.PostApiAsync("users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
        Assert.Equal(field, response.ErrorField);
    }

    [Theory]
    [InlineData("{\"user_id\":")]
    [InlineData("[1,2]")]
    [InlineData("")]
    public async Task CreateRejectsMalformedBody(string body)
    {
        var response = await Client.PostApiAsync("users", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
    }

    [Fact]
    public async Task MalformedBodyNamesLineAndColumn()
    {
        var response = await Client.PostApiAsync("users", "{\"user_id\": \"a\",\n  \"name\": }");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.ErrorField);
        var message = response.Json["message"].Text();
        Assert.Contains("At line 2, column 11.", message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateStoresMetadata()
    {
        var response = await Client.PostApiAsync("users", $$$"""{"user_id":"{{{ApiCalls.NewUserId()}}}","metadata":{"grade":3}}""");

        Assert.Equal(3, response.Json["user"]!["metadata"]!["grade"]!.GetValue<int>());
    }

    internal static DateTime ParseTime(string text) =>
        DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);

    [GeneratedRegex("^[0-9a-f]{24}$")]
    internal static partial Regex ObjectId();

    [GeneratedRegex("^[A-Za-z0-9_-]{32}$")]
    internal static partial Regex AccessToken();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    internal static partial Regex Timestamp();
}
