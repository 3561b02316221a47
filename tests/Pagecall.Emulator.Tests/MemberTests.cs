using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class MemberTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task AddUsesUserDefaultMemberType()
    {
        var user = await Client.CreateUserAsync(name: "Mo", defaultMemberType: "host");
        var room = await Client.CreateRoomAsync();

        var member = await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text());

        Assert.Matches(UserTests.ObjectId(), member["id"].Text());
        Assert.Equal(room["id"].Text(), member["room_id"].Text());
        Assert.Equal(user["user_id"].Text(), member["user_id"].Text());
        Assert.Equal("host", member["type"].Text());
        Assert.Equal("Mo", member["name"].Text());
        Assert.Matches(UserTests.Timestamp(), member["created_at"].Text());
        Assert.Matches(UserTests.Timestamp(), member["updated_at"].Text());
    }

    [Fact]
    public async Task AddExistingMemberIsUpsert()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        var roomId = room["id"].Text();
        var first = await Client.AddMemberAsync(roomId, user["user_id"].Text(), "guest");

        var same = await Client.AddMemberAsync(roomId, user["user_id"].Text());
        var changed = await Client.AddMemberAsync(roomId, user["user_id"].Text(), "monitor");
        var list = await Client.GetApiAsync($"rooms/{roomId}/members");

        Assert.Equal(first["id"].Text(), same["id"].Text());
        Assert.Equal("guest", same["type"].Text());
        Assert.Equal(first["id"].Text(), changed["id"].Text());
        Assert.Equal("monitor", changed["type"].Text());
        Assert.Single(list.Json["members"]!.AsArray());
    }

    [Fact]
    public async Task AddUnknownUserNamesUserId()
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.PostApiAsync($"rooms/{room["id"].Text()}/members", """{"user_id":"nobody"}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal("user_id", response.ErrorField);
    }

    [Theory]
    [InlineData("""{"user_id":"u","type":"owner"}""", "type")]
    [InlineData("""{"user_id":"u","options":{}}""", "options")]
    [InlineData("""{"type":"host"}""", "user_id")]
    public async Task AddRejectsInvalidField(string body, string field)
    {
        var room = await Client.CreateRoomAsync();

        var response = await Client.PostApiAsync($"rooms/{room["id"].Text()}/members", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task AddToUnknownRoomIsNotFound()
    {
        var user = await Client.CreateUserAsync();

        var body = $$"""{"user_id":"{{user["user_id"].Text()}}"}""";

        var response = await Client.PostApiAsync("rooms/0123456789abcdef01234567/members", body);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.Equal("not_found", response.ErrorCode);
    }

    [Fact]
    public async Task GetAcceptsMemberIdOrUserId()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        var member = await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text());

        var byId = await Client.GetApiAsync($"rooms/{room["id"].Text()}/members/{member["id"].Text()}");
        var byUserId = await Client.GetApiAsync($"rooms/{room["id"].Text()}/members/{user["user_id"].Text()}");

        Assert.Equal(member.ToJsonString(), byId.Json["member"]!.ToJsonString());
        Assert.Equal(member.ToJsonString(), byUserId.Json["member"]!.ToJsonString());
    }

    [Fact]
    public async Task UpdateChangesType()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        var member = await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text());

        var response = await Client.PutApiAsync($"rooms/{room["id"].Text()}/members/{member["id"].Text()}", """{"type":"host"}""");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal("host", response.Json["member"]!["type"].Text());
        Assert.Equal(member["id"].Text(), response.Json["member"]!["id"].Text());
    }

    [Theory]
    [InlineData("{}", "type")]
    [InlineData("""{"type":"owner"}""", "type")]
    [InlineData("""{"type":"host","user_id":"x"}""", "user_id")]
    public async Task UpdateRejectsInvalidField(string body, string field)
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text());

        var response = await Client.PutApiAsync($"rooms/{room["id"].Text()}/members/{user["user_id"].Text()}", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(field, response.ErrorField);
    }

    [Fact]
    public async Task DeleteReturnsMemberThenNotFound()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        var member = await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text());
        var path = $"rooms/{room["id"].Text()}/members/{member["id"].Text()}";

        var deleted = await Client.DeleteApiAsync(path);
        var after = await Client.GetApiAsync(path);

        Assert.Equal(HttpStatusCode.OK, deleted.Status);
        Assert.Equal(member["id"].Text(), deleted.Json["member"]!["id"].Text());
        Assert.Equal(HttpStatusCode.NotFound, after.Status);
        Assert.Equal("not_found", after.ErrorCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetApiAsync($"users/{user["user_id"].Text()}")).Status);
    }

    [Fact]
    public async Task TerminatedRoomRejectsMemberChanges()
    {
        var member = await Client.CreateUserAsync();
        var newcomer = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("private", null, member["user_id"].Text());
        var roomId = room["id"].Text();
        await Client.PutApiAsync($"rooms/{roomId}", """{"is_terminated":true}""");
        var memberPath = $"rooms/{roomId}/members/{member["user_id"].Text()}";

        var add = await Client.PostApiAsync($"rooms/{roomId}/members", $$"""{"user_id":"{{newcomer["user_id"].Text()}}"}""");
        var update = await Client.PutApiAsync(memberPath, """{"type":"host"}""");
        var remove = await Client.DeleteApiAsync(memberPath);
        var read = await Client.GetApiAsync(memberPath);

        foreach (var response in new[] { add, update, remove })
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.Status);
            Assert.Equal("room_id", response.ErrorField);
        }

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task MemberNameFollowsUserName()
    {
        var user = await Client.CreateUserAsync(name: "Before");
        var room = await Client.CreateRoomAsync("private", null, user["user_id"].Text());
        await Client.PutApiAsync($"users/{user["user_id"].Text()}", """{"name":"After"}""");

        var member = await Client.GetApiAsync($"rooms/{room["id"].Text()}/members/{user["user_id"].Text()}");

        Assert.Equal("After", member.Json["member"]!["name"].Text());
    }
}
