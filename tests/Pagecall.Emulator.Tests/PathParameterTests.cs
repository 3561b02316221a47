using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Pagecall.Emulator.Tests;

/// <summary>
/// Ids in the path are percent-decoded exactly once from the raw request target, so an id that contains '/' or
/// '%' can be read, updated and deleted.
/// </summary>
public sealed class PathParameterTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task UserIdWithSlashRoundTrips()
    {
        var userId = ApiCalls.NewUserId() + "/a/b";
        var path = "users/" + Uri.EscapeDataString(userId);
        await Client.CreateUserAsync(userId, name: "Ann");

        var read = await Client.GetApiAsync(path);
        var updated = await Client.PutApiAsync(path, """{"name":"Bea"}""");
        var readAfterUpdate = await Client.GetApiAsync(path);
        var deleted = await Client.DeleteApiAsync(path);
        var readAfterDelete = await Client.GetApiAsync(path);

        Assert.Contains("%2F", path);
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(userId, read.Json["user"]!["user_id"].Text());
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("Bea", updated.Json["user"]!["name"].Text());
        Assert.Equal("Bea", readAfterUpdate.Json["user"]!["name"].Text());
        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(userId, deleted.Json["user"]!["user_id"].Text());
        Assert.Equal(HttpStatusCode.NotFound, readAfterDelete.Status);
        Assert.Equal("not_found", readAfterDelete.ErrorCode);
    }

    [Fact]
    public async Task EncodedPercentIsDecodedOnce()
    {
        var prefix = ApiCalls.NewUserId();
        var slashId = prefix + "/x";
        var percentId = prefix + "%2Fx";
        await Client.CreateUserAsync(slashId, name: "Slash");
        await Client.CreateUserAsync(percentId, name: "Percent");

        var slash = await Client.GetApiAsync($"users/{prefix}%2Fx");
        var percent = await Client.GetApiAsync($"users/{prefix}%252Fx");

        Assert.Equal(HttpStatusCode.OK, slash.Status);
        Assert.Equal(slashId, slash.Json["user"]!["user_id"].Text());
        Assert.Equal("Slash", slash.Json["user"]!["name"].Text());
        Assert.Equal(HttpStatusCode.OK, percent.Status);
        Assert.Equal(percentId, percent.Json["user"]!["user_id"].Text());
        Assert.Equal("Percent", percent.Json["user"]!["name"].Text());
    }

    [Fact]
    public async Task UnreservedAndUnicodeIdsDecode()
    {
        var userId = ApiCalls.NewUserId() + " é+?#&;=";
        await Client.CreateUserAsync(userId);

        var read = await Client.GetApiAsync("users/" + Uri.EscapeDataString(userId) + "?ignored=1");

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(userId, read.Json["user"]!["user_id"].Text());
    }

    [Fact]
    public async Task MemberUserIdWithSlashRoundTrips()
    {
        var userId = ApiCalls.NewUserId() + "/m";
        await Client.CreateUserAsync(userId);
        var room = await Client.CreateRoomAsync();
        var member = await Client.AddMemberAsync(room["id"].Text(), userId);
        var path = $"rooms/{room["id"].Text()}/members/{Uri.EscapeDataString(userId)}";

        var read = await Client.GetApiAsync(path);
        var updated = await Client.PutApiAsync(path, """{"type":"host"}""");
        var removed = await Client.DeleteApiAsync(path);
        var readAfterRemove = await Client.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(member["id"].Text(), read.Json["member"]!["id"].Text());
        Assert.Equal(HttpStatusCode.OK, updated.Status);
        Assert.Equal("host", updated.Json["member"]!["type"].Text());
        Assert.Equal(HttpStatusCode.OK, removed.Status);
        Assert.Equal(HttpStatusCode.NotFound, readAfterRemove.Status);
        Assert.Equal("member_id", readAfterRemove.Json["field"].Text());
    }

    [Fact]
    public async Task EncodedRoomIdIsDecoded()
    {
        var room = await Client.CreateRoomAsync();
        var roomId = room["id"].Text();
        var encoded = string.Concat(roomId.Select(character => $"%{(int)character:X2}"));

        var read = await Client.GetApiAsync("rooms/" + encoded);
        var missing = await Client.GetApiAsync("rooms/" + Uri.EscapeDataString(roomId + "/x"));

        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(roomId, read.Json["room"]!["id"].Text());
        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains($"'{roomId}/x'", missing.Json["message"].Text());
    }

    [Fact]
    public async Task AbsoluteFormTargetUsesRoutedId()
    {
        var userId = ApiCalls.NewUserId() + "-abs";
        await Client.CreateUserAsync(userId);
        var address = fixture.Emulator.Emulator.ApiBaseAddress;
        var target = $"{address.Scheme}://{address.Authority}{address.AbsolutePath}users/{userId}";

        var response = await SendRawAsync(address, $"GET {target} HTTP/1.1");

        Assert.True(response.StartsWith("HTTP/1.1 200", StringComparison.Ordinal), response);
        Assert.Contains($"\"user_id\":\"{userId}\"", response);
    }

    [Fact]
    public async Task DotSegmentsAreInvalid()
    {
        var address = fixture.Emulator.Emulator.ApiBaseAddress;
        var target = $"{address.AbsolutePath}rooms/../users/someone";

        var response = await SendRawAsync(address, $"GET {target} HTTP/1.1");

        Assert.True(response.StartsWith("HTTP/1.1 400", StringComparison.Ordinal), response);
        Assert.Contains("'.' or '..' segments", response);
        Assert.Contains("the '{user_id}' segment cannot be found", response);
    }

    /// <summary>
    /// Sends one request line as written, because HttpClient rewrites dot segments and the target form.
    /// </summary>
    private static async Task<string> SendRawAsync(Uri address, string requestLine)
    {
        using var socket = new TcpClient();
        await socket.ConnectAsync(address.Host, address.Port, TestContext.Current.CancellationToken);
        await using var stream = socket.GetStream();
        var request = $"{requestLine}\r\nHost: {address.Authority}\r\nAuthorization: Bearer {TestEmulator.ApiKey}\r\n"
            + "Connection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(request), TestContext.Current.CancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return await reader.ReadToEndAsync(TestContext.Current.CancellationToken);
    }
}
