using System.Text.Json.Nodes;
using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>Checks of wire formats and of the errors the generated client throws.</summary>
public static class WireAssert
{
    /// <summary>Asserts a 24-character lowercase hex id.</summary>
    public static void ObjectId(string? value)
    {
        Assert.NotNull(value);
        Assert.Matches(UserTests.ObjectId(), value);
    }

    /// <summary>Asserts an ISO-8601 UTC timestamp with milliseconds, such as 2023-01-01T01:00:00.000Z.</summary>
    public static void Timestamp(JsonNode? value)
    {
        Assert.NotNull(value);
        Assert.Matches(UserTests.Timestamp(), value.GetValue<string>());
    }

    /// <summary>Asserts a 32-character token of the URL-safe base64 alphabet.</summary>
    public static void AccessToken(string? value)
    {
        Assert.NotNull(value);
        Assert.Matches(UserTests.AccessToken(), value);
    }

    /// <summary>Asserts that a response body is an object with exactly these top-level keys.</summary>
    public static void Envelope(WireExchange exchange, params string[] keys)
    {
        var body = Assert.IsType<JsonObject>(exchange.Json);
        Assert.Equal(keys.Order(StringComparer.Ordinal), body.Select(pair => pair.Key).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// Awaits a call that must fail and asserts the generated exception's status, its typed <see cref="Error"/>
    /// body (code and field) and the request id header.
    /// </summary>
    public static async Task<Error> FailsAsync(Func<Task> call, int status, string code, string? field = null)
    {
        var exception = await Assert.ThrowsAsync<PagecallClientApiException>(call);

        Assert.Equal(status, exception.StatusCode);
        Assert.NotNull(exception.RequestId);
        var error = Assert.IsType<Error>(exception.Error);
        Assert.Equal(status, error.Status);
        Assert.Equal(code, error.Code);
        Assert.Equal(field, error.Field);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
        return error;
    }
}
