using System.Net;

namespace Pagecall.Emulator.Tests;

/// <summary>List behaviour, each test on an emulator of its own so the totals are exact.</summary>
public sealed class PaginationTests
{
    [Fact]
    public async Task DefaultsToThirtyFromZero()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CreateUsersAsync(emulator.Client, 35);

        var response = await emulator.Client.GetApiAsync("users");

        Assert.Equal(30, response.Json["users"]!.AsArray().Count);
        Assert.Equal(30, response.Json["paging"]!["limit"]!.GetValue<int>());
        Assert.Equal(0, response.Json["paging"]!["offset"]!.GetValue<int>());
        Assert.Equal(35, response.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClampsLimitToHundred()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CreateUsersAsync(emulator.Client, 101);

        var response = await emulator.Client.GetApiAsync("users?limit=500");

        Assert.Equal(100, response.Json["users"]!.AsArray().Count);
        Assert.Equal(100, response.Json["paging"]!["limit"]!.GetValue<int>());
        Assert.Equal(101, response.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task OrdersByCreationAndPagesWithOffset()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await CreateUsersAsync(emulator.Client, 5);

        var page = await emulator.Client.GetApiAsync("users?offset=1&limit=2");
        var newestFirst = await emulator.Client.GetApiAsync("users?sort_by=-created_at");

        Assert.Equal(created[1..3], page.Json["users"]!.AsArray().Select(user => user!["user_id"].Text()));
        Assert.Equal(1, page.Json["paging"]!["offset"]!.GetValue<int>());
        Assert.Equal(2, page.Json["paging"]!["limit"]!.GetValue<int>());
        Assert.Equal(Enumerable.Reverse(created), newestFirst.Json["users"]!.AsArray().Select(user => user!["user_id"].Text()));
    }

    [Theory]
    [InlineData("users?sort_by=created_at")]
    [InlineData("users?sort_by=%2Bcreated_at")]
    [InlineData("users?sort_by=+created_at")]
    public async Task AscendingSortAcceptsEachSpelling(string path)
    {
        await using var emulator = await TestEmulator.StartAsync();
        var created = await CreateUsersAsync(emulator.Client, 3);

        var response = await emulator.Client.GetApiAsync(path);

        Assert.Equal(created, response.Json["users"]!.AsArray().Select(user => user!["user_id"].Text()));
    }

    [Fact]
    public async Task ConcurrentCreatesAreAllStored()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var responses = await Task.WhenAll(Enumerable.Range(0, 40).Select(index =>
            emulator.Client.PostApiAsync("users", $$"""{"user_id":"parallel-{{index}}"}""")));
        var list = await emulator.Client.GetApiAsync("users?limit=100");

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.Status));
        Assert.Equal(40, list.Json["paging"]!["total"]!.GetValue<int>());
        Assert.Equal(40, list.Json["users"]!.AsArray().Select(user => user!["id"].Text()).Distinct().Count());
    }

    [Fact]
    public async Task OrderIsCreatedAtThenId()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CreateUsersAsync(emulator.Client, 12);

        var users = (await emulator.Client.GetApiAsync("users")).Json["users"]!.AsArray();

        var keys = users.Select(user => (user!["created_at"].Text(), user["id"].Text())).ToList();
        Assert.Equal(keys.OrderBy(key => key.Item1, StringComparer.Ordinal).ThenBy(key => key.Item2, StringComparer.Ordinal), keys);
    }

    [Fact]
    public async Task OffsetPastEndReturnsEmptyPage()
    {
        await using var emulator = await TestEmulator.StartAsync();
        await CreateUsersAsync(emulator.Client, 2);

        var response = await emulator.Client.GetApiAsync("users?offset=10");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Json["users"]!.AsArray());
        Assert.Equal(2, response.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("users?limit=0", "limit")]
    [InlineData("users?limit=-1", "limit")]
    [InlineData("users?limit=2.5", "limit")]
    [InlineData("users?limit=ten", "limit")]
    [InlineData("users?offset=-1", "offset")]
    [InlineData("users?offset=x", "offset")]
    [InlineData("users?sort_by=name", "sort_by")]
    [InlineData("rooms?limit=0", "limit")]
    [InlineData("rooms?offset=-3", "offset")]
    public async Task RejectsInvalidWindow(string path, string field)
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.Client.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task IgnoresUnknownQueryParameters()
    {
        await using var emulator = await TestEmulator.StartAsync();

        var response = await emulator.Client.GetApiAsync("users?email=a%40example.com&whatever=1");

        Assert.Equal(HttpStatusCode.OK, response.Status);
    }

    [Fact]
    public async Task PagesRoomsMembersAndSessions()
    {
        await using var emulator = await TestEmulator.StartAsync();
        var userIds = await CreateUsersAsync(emulator.Client, 3);
        var room = await emulator.Client.CreateRoomAsync("private", null, userIds);
        await emulator.Client.CreateRoomAsync("open");
        var roomId = room["id"].Text();
        foreach (var userId in userIds)
        {
            emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, userId);
        }

        var rooms = await emulator.Client.GetApiAsync("rooms?limit=1");
        var members = await emulator.Client.GetApiAsync($"rooms/{roomId}/members?offset=1&limit=1");
        var sessions = await emulator.Client.GetApiAsync($"rooms/{roomId}/sessions?offset=2");

        Assert.Equal(roomId, Assert.Single(rooms.Json["rooms"]!.AsArray())!["id"].Text());
        Assert.Equal(2, rooms.Json["paging"]!["total"]!.GetValue<int>());
        Assert.Equal(userIds[1], Assert.Single(members.Json["members"]!.AsArray())!["user_id"].Text());
        Assert.Equal(3, members.Json["paging"]!["total"]!.GetValue<int>());
        Assert.Equal(userIds[2], Assert.Single(sessions.Json["sessions"]!.AsArray())!["user_id"].Text());
    }

    private static async Task<string[]> CreateUsersAsync(HttpClient client, int count)
    {
        var userIds = new string[count];
        for (var index = 0; index < count; index++)
        {
            userIds[index] = (await client.CreateUserAsync($"user-{index:D3}"))["user_id"].Text();
        }

        return userIds;
    }
}
