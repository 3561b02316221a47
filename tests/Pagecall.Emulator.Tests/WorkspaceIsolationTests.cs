using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace Pagecall.Emulator.Tests;

public sealed class WorkspaceIsolationTests
{
    [Fact]
    public async Task ForeignObjectsAreInvisibleAndUnchangeable()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var owner = emulator.Client;
        var other = emulator.CreateClient(TestEmulator.OtherApiKey);
        var user = await owner.CreateUserAsync("shared-id", name: "Owner's");
        var room = await owner.CreateRoomAsync("private", null, "shared-id");
        var roomId = room["id"].Text();

        var rooms = await other.GetApiAsync("rooms");
        var users = await other.GetApiAsync("users");
        var getRoom = await other.GetApiAsync($"rooms/{roomId}");
        var rename = await other.PutApiAsync($"rooms/{roomId}", """{"name":"taken"}""");
        var deleteRoom = await other.DeleteApiAsync($"rooms/{roomId}");
        var members = await other.GetApiAsync($"rooms/{roomId}/members");
        var getUser = await other.GetApiAsync("users/shared-id");

        Assert.Empty(rooms.Json["rooms"]!.AsArray());
        Assert.Empty(users.Json["users"]!.AsArray());
        foreach (var response in new[] { getRoom, rename, deleteRoom, members, getUser })
        {
            Assert.Equal(HttpStatusCode.NotFound, response.Status);
            Assert.Equal("not_found", response.ErrorCode);
        }

        var unchanged = await owner.GetApiAsync($"rooms/{roomId}");
        Assert.Equal(room["name"].Text(), unchanged.Json["room"]!["name"].Text());
        Assert.Equal(user["id"].Text(), (await owner.GetApiAsync("users/shared-id")).Json["user"]!["id"].Text());
    }

    [Fact]
    public async Task ForeignUsersMembersAndSessionsAreNotFound()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var owner = emulator.Client;
        var other = emulator.CreateClient(TestEmulator.OtherApiKey);
        await owner.CreateUserAsync("owned", name: "Owner's");
        await other.CreateUserAsync("theirs");
        var room = await owner.CreateRoomAsync("private", null, "owned");
        var roomId = room["id"].Text();
        var member = await owner.GetApiAsync($"rooms/{roomId}/members/owned");
        var memberId = member.Json["member"]!["id"].Text();

        var requests = new (string Name, Func<Task<ApiResponse>> Send)[]
        {
            ("update user", () => other.PutApiAsync("users/owned", """{"name":"taken"}""")),
            ("delete user", () => other.DeleteApiAsync("users/owned")),
            ("add member", () => other.PostApiAsync($"rooms/{roomId}/members", """{"user_id":"theirs"}""")),
            ("get member", () => other.GetApiAsync($"rooms/{roomId}/members/{memberId}")),
            ("update member", () => other.PutApiAsync($"rooms/{roomId}/members/{memberId}", """{"type":"host"}""")),
            ("remove member", () => other.DeleteApiAsync($"rooms/{roomId}/members/{memberId}")),
            ("list sessions", () => other.GetApiAsync($"rooms/{roomId}/sessions")),
        };
        foreach (var (name, send) in requests)
        {
            var response = await send();
            Assert.True(response.Status == HttpStatusCode.NotFound, $"{name} returned status {(int)response.Status}.");
            Assert.Equal("not_found", response.ErrorCode);
        }

        var userAfter = await owner.GetApiAsync("users/owned");
        var memberAfter = await owner.GetApiAsync($"rooms/{roomId}/members/{memberId}");
        var membersAfter = await owner.GetApiAsync($"rooms/{roomId}/members");
        Assert.Equal("Owner's", userAfter.Json["user"]!["name"].Text());
        Assert.Equal(member.Json["member"]!["type"].Text(), memberAfter.Json["member"]!["type"].Text());
        Assert.Single(membersAfter.Json["members"]!.AsArray());
    }

    [Fact]
    public async Task SameUserIdIsIndependentPerWorkspace()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var other = emulator.CreateClient(TestEmulator.OtherApiKey);
        var mine = await emulator.Client.CreateUserAsync("same", name: "Mine");

        var theirs = await other.CreateUserAsync("same", name: "Theirs");
        await other.DeleteApiAsync("users/same");

        Assert.NotEqual(mine["id"].Text(), theirs["id"].Text());
        Assert.NotEqual(mine["access_token"].Text(), theirs["access_token"].Text());
        Assert.NotEqual(mine["application_id"].Text(), theirs["application_id"].Text());
        var stillMine = await emulator.Client.GetApiAsync("users/same");
        Assert.Equal("Mine", stillMine.Json["user"]!["name"].Text());
    }

    [Fact]
    public async Task ApplicationIdIsHashOfKey()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var expected = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(TestEmulator.ApiKey)))[..24];

        var user = await emulator.Client.CreateUserAsync();
        var room = await emulator.Client.CreateRoomAsync();

        Assert.Equal(expected, user["application_id"].Text());
        Assert.Equal(expected, room["application_id"].Text());
    }

    [Fact]
    public async Task ForeignUserCannotBecomeMember()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var other = emulator.CreateClient(TestEmulator.OtherApiKey);
        await other.CreateUserAsync("theirs-only");
        var room = await emulator.Client.CreateRoomAsync();

        var response = await emulator.Client.PostApiAsync($"rooms/{room["id"].Text()}/members", """{"user_id":"theirs-only"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("user_id", response.ErrorField);
    }
}
