using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class SessionTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task NewRoomHasNoSessions()
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await Client.GetApiAsync($"rooms/{room["id"].Text()}/sessions");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Empty(response.Json["sessions"]!.AsArray());
        Assert.Equal(0, response.Json["paging"]!["total"]!.GetValue<int>());
        Assert.Equal(30, response.Json["paging"]!["limit"]!.GetValue<int>());
    }

    [Fact]
    public async Task AddedSessionsAreListedAndFiltered()
    {
        var first = await Client.CreateUserAsync();
        var second = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("private", null, first["user_id"].Text(), second["user_id"].Text());
        var roomId = room["id"].Text();
        var live = fixture.Emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, first["user_id"].Text());
        var ended = fixture.Emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, second["user_id"].Text(), connected: false);

        var all = await Client.GetApiAsync($"rooms/{roomId}/sessions");
        var connecting = await Client.GetApiAsync($"rooms/{roomId}/sessions?is_connecting=true");
        var byUser = await Client.GetApiAsync($"rooms/{roomId}/sessions?user_id={second["user_id"].Text()}");
        var startedRoom = await Client.GetApiAsync($"rooms/{roomId}");

        Assert.Equal(2, all.Json["paging"]!["total"]!.GetValue<int>());
        var session = Assert.Single(connecting.Json["sessions"]!.AsArray())!;
        Assert.Equal(live, session["id"].Text());
        Assert.Equal(roomId, session["room_id"].Text());
        Assert.Null(session["disconnected_at"]);
        Assert.Equal(ended, Assert.Single(byUser.Json["sessions"]!.AsArray())!["id"].Text());
        Assert.Matches(UserTests.Timestamp(), startedRoom.Json["room"]!["started_at"].Text());
    }

    [Fact]
    public async Task ElapsedTimeCountsMilliseconds()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("private", null, user["user_id"].Text());
        var roomId = room["id"].Text();
        fixture.Emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, user["user_id"].Text());

        // After this wait a count in seconds would be 1, and a count in milliseconds at least 1000.
        await Task.Delay(TimeSpan.FromMilliseconds(1100), TestContext.Current.CancellationToken);
        var response = await Client.GetApiAsync($"rooms/{roomId}/sessions");

        var session = Assert.Single(response.Json["sessions"]!.AsArray())!;
        Assert.True(session["elapsed_time"]!.GetValue<long>() >= 1000, session.ToJsonString());
    }

    [Fact]
    public void AddSessionRejectsNonMember()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            fixture.Emulator.Emulator.AddSession(TestEmulator.ApiKey, "0123456789abcdef01234567", "nobody"));

        Assert.Equal("roomId", error.ParamName);
    }

    [Fact]
    public async Task UnknownRoomIsNotFound()
    {
        var response = await Client.GetApiAsync("rooms/0123456789abcdef01234567/sessions");

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("not_found", response.ErrorCode);
    }
}
