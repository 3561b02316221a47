using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class RoomTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task CreateReturnsRoomWithDefaultsAndPaging()
    {
        var response = await Client.PostApiAsync("rooms", """{"name":"Tutoring","type":"public"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var room = response.Json["room"]!;
        Assert.Matches(UserTests.ObjectId(), room["id"].Text());
        Assert.Matches(UserTests.ObjectId(), room["application_id"].Text());
        Assert.Equal("Tutoring", room["name"].Text());
        Assert.Equal("public", room["type"].Text());
        Assert.True(room["record"]!.GetValue<bool>());
        Assert.Equal("SixAll", room["layout"].Text());
        Assert.Equal(0, room["meeting_time"]!.GetValue<long>());
        Assert.Null(room["started_at"]);
        Assert.Null(room["terminated_at"]);
        Assert.Null(room["max_meeting_seconds"]);
        Assert.Matches(UserTests.Timestamp(), room["created_at"].Text());
        Assert.False(room["is_terminated"]!.GetValue<bool>());
        Assert.False(room["is_ephemeral"]!.GetValue<bool>());
        Assert.False(room["is_recurring"]!.GetValue<bool>());
        Assert.Null(room["created_user_id"]);
        Assert.Null(room["room_template_id"]);
        Assert.Null(room["last_thumbnail_updated_at"]);
        var paging = response.Json["paging"]!;
        Assert.Equal(30, paging["limit"]!.GetValue<int>());
        Assert.Equal(0, paging["offset"]!.GetValue<int>());
        Assert.Equal(0, paging["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateEchoesRecordAndMaxMeetingSeconds()
    {
        var response = await Client.PostApiAsync("rooms", """{"name":"R","type":"open","record":false,"max_meeting_seconds":3600}""");

        var room = response.Json["room"]!;
        Assert.False(room["record"]!.GetValue<bool>());
        Assert.Equal(3600, room["max_meeting_seconds"]!.GetValue<long>());
    }

    [Theory]
    [InlineData("""{"type":"open"}""", "name")]
    [InlineData("""{"name":"","type":"open"}""", "name")]
    [InlineData("""{"name":"R"}""", "type")]
    [InlineData("""{"name":"R","type":"secret"}""", "type")]
    [InlineData("""{"name":"R","type":"open","record":"yes"}""", "record")]
    [InlineData("""{"name":"R","type":"open","max_meeting_seconds":0}""", "max_meeting_seconds")]
    [InlineData("""{"name":"R","type":"open","max_meeting_seconds":-5}""", "max_meeting_seconds")]
    [InlineData("""{"name":"R","type":"open","max_meeting_seconds":1.5}""", "max_meeting_seconds")]
    [InlineData("""{"name":"R","type":"open","max_meeting_seconds":"60"}""", "max_meeting_seconds")]
    [InlineData("""{"name":"R","type":"open","layout_id":"x"}""", "layout_id")]
    [InlineData("""{"name":"R","type":"open","members":{}}""", "members")]
    [InlineData("""{"name":"R","type":"open","members":[{"type":"host"}]}""", "members[0].user_id")]
    [InlineData("""{"name":"R","type":"open","webhook":{"headers":{}}}""", "webhook.url")]
    [InlineData("""{"name":"R","type":"open","webhook":{"url":"not a url"}}""", "webhook.url")]
    [InlineData("""{"name":"R","type":"open","webhook":{"url":"ftp://127.0.0.1/hook"}}""", "webhook.url")]
    [InlineData("""{"name":"R","type":"open","webhook":{"url":"http://127.0.0.1/hook","headers":{"X-Count":5}}}""", "webhook.headers.X-Count")]
    [InlineData("""{"name":"R","type":"open","webhook":{"url":"http://127.0.0.1/hook","secret":"s"}}""", "webhook.secret")]
    public async Task CreateRejectsInvalidField(string body, string field)
    {
        var response = await Client.PostApiAsync("rooms", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("invalid_request", response.ErrorCode);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task CreateWithMembersAddsThem()
    {
        var host = await Client.CreateUserAsync(name: "Host");
        var guest = await Client.CreateUserAsync(name: "Guest", defaultMemberType: "monitor");
        var body = $$"""
            {"name":"R","type":"private","members":[
              {"user_id":"{{host["user_id"].Text()}}","type":"host"},
              {"user_id":"{{guest["user_id"].Text()}}"}]}
            """;

        var response = await Client.PostApiAsync("rooms", body);

        var roomId = response.Json["room"]!["id"].Text();
        var members = (await Client.GetApiAsync($"rooms/{roomId}/members")).Json["members"]!.AsArray();
        Assert.Equal(2, members.Count);
        Assert.Equal("host", members[0]!["type"].Text());
        Assert.Equal("Host", members[0]!["name"].Text());
        Assert.Equal("monitor", members[1]!["type"].Text());
    }

    [Fact]
    public async Task CreateWithRepeatedMemberKeepsOne()
    {
        var user = await Client.CreateUserAsync();
        var userId = user["user_id"].Text();
        var body = $$"""{"name":"R","type":"private","members":[{"user_id":"{{userId}}"},{"user_id":"{{userId}}","type":"host"}]}""";

        var response = await Client.PostApiAsync("rooms", body);

        var roomId = response.Json["room"]!["id"].Text();
        var members = (await Client.GetApiAsync($"rooms/{roomId}/members")).Json["members"]!.AsArray();
        var member = Assert.Single(members)!;
        Assert.Equal("host", member["type"].Text());
    }

    [Fact]
    public async Task CreateWithInvalidMemberCreatesNothing()
    {
        var user = await Client.CreateUserAsync();
        var name = "all-or-nothing " + Guid.NewGuid().ToString("N");
        var body = $$"""{"name":"{{name}}","type":"private","members":[{"user_id":"{{user["user_id"].Text()}}"},{"user_id":"nobody"}]}""";

        var response = await Client.PostApiAsync("rooms", body);
        var rooms = await Client.GetApiAsync($"rooms?name={Uri.EscapeDataString(name)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("members[1].user_id", response.ErrorField);
        Assert.Equal(0, rooms.Json["paging"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task CreateWithInvalidMemberTypeNamesEntry()
    {
        var user = await Client.CreateUserAsync();
        var body = $$"""{"name":"R","type":"private","members":[{"user_id":"{{user["user_id"].Text()}}","type":"boss"}]}""";

        var response = await Client.PostApiAsync("rooms", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("members[0].type", response.ErrorField);
    }

    [Fact]
    public async Task GetReturnsRoom()
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await Client.GetApiAsync($"rooms/{room["id"].Text()}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(room.ToJsonString(), response.Json["room"]!.ToJsonString());
        Assert.Null(response.Json["paging"]);
    }

    [Fact]
    public async Task UpdateRenamesRoom()
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await Client.PutApiAsync($"rooms/{room["id"].Text()}", """{"name":"Renamed"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Renamed", response.Json["room"]!["name"].Text());
        Assert.True(UserTests.ParseTime(response.Json["room"]!["updated_at"].Text()) > UserTests.ParseTime(room["updated_at"].Text()));
    }

    [Fact]
    public async Task UpdateTerminatesRoom()
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await Client.PutApiAsync($"rooms/{room["id"].Text()}", """{"is_terminated":true}""");

        var updated = response.Json["room"]!;
        Assert.True(updated["is_terminated"]!.GetValue<bool>());
        Assert.Matches(UserTests.Timestamp(), updated["terminated_at"].Text());
    }

    [Fact]
    public async Task UpdateCannotReopenTerminatedRoom()
    {
        var room = await Client.CreateRoomAsync("open");
        var path = $"rooms/{room["id"].Text()}";
        await Client.PutApiAsync(path, """{"is_terminated":true}""");

        var response = await Client.PutApiAsync(path, """{"is_terminated":false}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("is_terminated", response.ErrorField);
    }

    [Theory]
    [InlineData("""{"type":"open"}""", "type")]
    [InlineData("""{"record":false}""", "record")]
    [InlineData("""{"max_meeting_seconds":10}""", "max_meeting_seconds")]
    [InlineData("""{"layout":"Other"}""", "layout")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"is_terminated":"yes"}""", "is_terminated")]
    public async Task UpdateRejectsInvalidField(string body, string field)
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await Client.PutApiAsync($"rooms/{room["id"].Text()}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task ListFiltersByExactNameAndTermination()
    {
        var name = "filter " + Guid.NewGuid().ToString("N");
        var open = await Client.CreateRoomAsync("open", name);
        var closed = await Client.CreateRoomAsync("open", name);
        await Client.CreateRoomAsync("open", name + " longer");
        await Client.PutApiAsync($"rooms/{closed["id"].Text()}", """{"is_terminated":true}""");
        var escaped = Uri.EscapeDataString(name);

        var byName = await Client.GetApiAsync($"rooms?name={escaped}");
        var terminated = await Client.GetApiAsync($"rooms?name={escaped}&is_terminated=true");
        var running = await Client.GetApiAsync($"rooms?name={escaped}&is_terminated=false");

        Assert.Equal(2, byName.Json["paging"]!["total"]!.GetValue<int>());
        Assert.Equal(closed["id"].Text(), Assert.Single(terminated.Json["rooms"]!.AsArray())!["id"].Text());
        Assert.Equal(open["id"].Text(), Assert.Single(running.Json["rooms"]!.AsArray())!["id"].Text());
    }

    [Fact]
    public async Task ListFiltersByLayout()
    {
        var name = "layout " + Guid.NewGuid().ToString("N");
        var room = await Client.CreateRoomAsync("open", name);
        var escaped = Uri.EscapeDataString(name);

        var sixAll = await Client.GetApiAsync($"rooms?name={escaped}&layout=SixAll");
        var other = await Client.GetApiAsync($"rooms?name={escaped}&layout=Other");

        Assert.Equal(room["id"].Text(), Assert.Single(sixAll.Json["rooms"]!.AsArray())!["id"].Text());
        Assert.Empty(other.Json["rooms"]!.AsArray());
    }

    [Fact]
    public async Task UpdateRenamesTerminatedRoom()
    {
        var room = await Client.CreateRoomAsync("open");
        var path = $"rooms/{room["id"].Text()}";
        await Client.PutApiAsync(path, """{"is_terminated":true}""");

        var response = await Client.PutApiAsync(path, """{"name":"Archived"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("Archived", response.Json["room"]!["name"].Text());
        Assert.True(response.Json["room"]!["is_terminated"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ListRejectsInvalidTerminationFilter()
    {
        var response = await Client.GetApiAsync("rooms?is_terminated=maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("is_terminated", response.ErrorField);
    }

    [Fact]
    public async Task DeleteRemovesRoomMembersAndSessions()
    {
        var user = await Client.CreateUserAsync();
        var userId = user["user_id"].Text();
        var room = await Client.CreateRoomAsync("private", null, userId);
        var roomId = room["id"].Text();
        fixture.Emulator.Emulator.AddSession(TestEmulator.ApiKey, roomId, userId);

        var deleted = await Client.DeleteApiAsync($"rooms/{roomId}");
        var get = await Client.GetApiAsync($"rooms/{roomId}");
        var members = await Client.GetApiAsync($"rooms/{roomId}/members");
        var sessions = await Client.GetApiAsync($"rooms/{roomId}/sessions");
        var again = await Client.DeleteApiAsync($"rooms/{roomId}");

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(roomId, deleted.Json["room"]!["id"].Text());
        Assert.Equal(HttpStatusCode.NotFound, get.Status);
        Assert.Equal("not_found", get.ErrorCode);
        Assert.Equal(HttpStatusCode.NotFound, members.Status);
        Assert.Equal(HttpStatusCode.NotFound, sessions.Status);
        Assert.Equal(HttpStatusCode.NotFound, again.Status);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetApiAsync($"users/{userId}")).Status);
    }
}
