using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class AuthTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    [Fact]
    public async Task MissingKeyIsUnauthorized()
    {
        var response = await fixture.Emulator.CreateClient(apiKey: null).GetApiAsync("users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal(401, response.Json["status"]!.GetValue<int>());
        Assert.Equal("unauthorized", response.ErrorCode);
        Assert.False(string.IsNullOrEmpty(response.Json["message"].Text()));
        Assert.True(response.Json.AsObject().ContainsKey("field"));
        Assert.Null(response.Json["field"]);
    }

    [Fact]
    public async Task UnknownKeyIsUnauthorized()
    {
        var response = await fixture.Emulator.CreateClient("not-a-key").GetApiAsync("users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("unauthorized", response.ErrorCode);
    }

    [Fact]
    public async Task NonBearerSchemeIsUnauthorized()
    {
        var client = fixture.Emulator.CreateClient(apiKey: null);
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Basic " + TestEmulator.ApiKey);

        var response = await client.GetApiAsync("users");

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
    }

    [Fact]
    public async Task EveryResponseHasUniqueRequestId()
    {
        var first = await fixture.Client.GetApiAsync("users");
        var second = await fixture.Client.GetApiAsync("users");
        var failed = await fixture.Emulator.CreateClient(apiKey: null).GetApiAsync("users");

        var ids = new[] { first, second, failed }
            .Select(response => Assert.Single(response.Message.Headers.GetValues("X-Request-Id")))
            .ToList();
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(3, ids.Distinct().Count());
    }

    [Fact]
    public async Task UnknownRouteIsRouteNotFound()
    {
        var response = await fixture.Client.GetApiAsync("no-such-collection");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("route_not_found", response.ErrorCode);
    }

    [Fact]
    public async Task WrongMethodIsMethodNotAllowed()
    {
        var response = await fixture.Client.SendApiAsync(HttpMethod.Patch, "users", "{}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.Equal("method_not_allowed", response.ErrorCode);
    }
}
