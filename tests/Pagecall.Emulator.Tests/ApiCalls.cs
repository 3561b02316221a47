using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Pagecall.Emulator.Tests;

/// <summary>A response with its status, parsed JSON body and headers.</summary>
public sealed record ApiResponse(HttpStatusCode Status, JsonNode? Body, HttpResponseMessage Message)
{
    public JsonNode Json => Body ?? throw new InvalidOperationException($"The {(int)Status} response has no JSON body.");

    public string? ErrorCode => Body?["code"]?.GetValue<string>();

    public string? ErrorField => Body?["field"]?.GetValue<string>();
}

/// <summary>Raw JSON requests and the seeding calls the tests share.</summary>
public static class ApiCalls
{
    public static async Task<ApiResponse> SendApiAsync(this HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return new ApiResponse(response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text), response);
    }

    public static Task<ApiResponse> GetApiAsync(this HttpClient client, string path) => client.SendApiAsync(HttpMethod.Get, path);

    public static Task<ApiResponse> PostApiAsync(this HttpClient client, string path, string json) =>
        client.SendApiAsync(HttpMethod.Post, path, json);

    public static Task<ApiResponse> PutApiAsync(this HttpClient client, string path, string json) =>
        client.SendApiAsync(HttpMethod.Put, path, json);

    public static Task<ApiResponse> DeleteApiAsync(this HttpClient client, string path) =>
        client.SendApiAsync(HttpMethod.Delete, path);

    public static string NewUserId() => "user-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a user and returns its JSON object.</summary>
    public static async Task<JsonNode> CreateUserAsync(
        this HttpClient client, string? userId = null, string? name = null, string? defaultMemberType = null)
    {
        var body = new JsonObject { ["user_id"] = userId ?? NewUserId() };
        if (name is not null)
        {
            body["name"] = name;
        }

        if (defaultMemberType is not null)
        {
            body["default_member_type"] = defaultMemberType;
        }

        var response = await client.PostApiAsync("users", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json["user"]!;
    }

    /// <summary>Creates a room and returns its JSON object.</summary>
    public static async Task<JsonNode> CreateRoomAsync(
        this HttpClient client, string type = "private", string? name = null, params string[] memberUserIds)
    {
        var members = new JsonArray([.. memberUserIds.Select(id => (JsonNode)new JsonObject { ["user_id"] = id })]);
        var body = new JsonObject
        {
            ["name"] = name ?? "room " + Guid.NewGuid().ToString("N")[..8],
            ["type"] = type,
            ["members"] = members,
        };
        var response = await client.PostApiAsync("rooms", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json["room"]!;
    }

    /// <summary>Adds a member and returns its JSON object.</summary>
    public static async Task<JsonNode> AddMemberAsync(this HttpClient client, string roomId, string userId, string? type = null)
    {
        var body = new JsonObject { ["user_id"] = userId };
        if (type is not null)
        {
            body["type"] = type;
        }

        var response = await client.PostApiAsync($"rooms/{roomId}/members", body.ToJsonString());
        Assert.Equal(HttpStatusCode.OK, response.Status);
        return response.Json["member"]!;
    }

    public static string Text(this JsonNode? node) => node?.GetValue<string>() ?? throw new InvalidOperationException("The value is null.");
}
