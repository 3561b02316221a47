using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class JoinCheckTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private HttpClient Client => fixture.Client;

    [Fact]
    public async Task OpenRoomAdmitsAnyoneWithoutToken()
    {
        var room = await Client.CreateRoomAsync("open");

        var response = await MeetAsync(room["id"].Text(), accessToken: null);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json["allowed"]!.GetValue<bool>());
        Assert.Equal(room["id"].Text(), response.Json["room_id"].Text());
        Assert.Null(response.Json["user_id"]);
        Assert.Null(response.Json["member_type"]);
        Assert.Single(response.Message.Headers.GetValues("X-Request-Id"));
    }

    [Fact]
    public async Task OpenRoomNamesKnownUser()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("open");

        var response = await MeetAsync(room["id"].Text(), user["access_token"].Text());

        Assert.Equal(user["user_id"].Text(), response.Json["user_id"].Text());
    }

    [Fact]
    public async Task PublicRoomAdmitsWorkspaceUser()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("public");

        var response = await MeetAsync(room["id"].Text(), user["access_token"].Text());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json["allowed"]!.GetValue<bool>());
        Assert.Equal(user["user_id"].Text(), response.Json["user_id"].Text());
        Assert.Null(response.Json["member_type"]);
    }

    [Fact]
    public async Task PublicRoomRejectsAnonymousAndOtherWorkspace()
    {
        var other = fixture.Emulator.CreateClient(TestEmulator.OtherApiKey);
        var stranger = await other.CreateUserAsync();
        var room = await Client.CreateRoomAsync("public");

        var anonymous = await MeetAsync(room["id"].Text(), accessToken: null);
        var foreign = await MeetAsync(room["id"].Text(), stranger["access_token"].Text());

        foreach (var response in new[] { anonymous, foreign })
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.Status);
            Assert.False(response.Json["allowed"]!.GetValue<bool>());
            Assert.False(string.IsNullOrEmpty(response.Json["reason"].Text()));
        }
    }

    [Fact]
    public async Task PrivateRoomAdmitsMemberWithType()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();
        await Client.AddMemberAsync(room["id"].Text(), user["user_id"].Text(), "host");

        var response = await MeetAsync(room["id"].Text(), user["access_token"].Text());

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(user["user_id"].Text(), response.Json["user_id"].Text());
        Assert.Equal("host", response.Json["member_type"].Text());
    }

    [Fact]
    public async Task PrivateRoomRejectsNonMember()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync();

        var response = await MeetAsync(room["id"].Text(), user["access_token"].Text());

        Assert.Equal(HttpStatusCode.Forbidden, response.Status);
        Assert.False(response.Json["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task TerminatedRoomRejectsEveryone()
    {
        var user = await Client.CreateUserAsync();
        var room = await Client.CreateRoomAsync("open", null, user["user_id"].Text());
        await Client.PutApiAsync($"rooms/{room["id"].Text()}", """{"is_terminated":true}""");

        var member = await MeetAsync(room["id"].Text(), user["access_token"].Text());
        var anonymous = await MeetAsync(room["id"].Text(), accessToken: null);

        Assert.Equal(HttpStatusCode.Forbidden, member.Status);
        Assert.Equal(HttpStatusCode.Forbidden, anonymous.Status);
    }

    [Fact]
    public async Task UnknownRoomIsNotFound()
    {
        var response = await MeetAsync("0123456789abcdef01234567", accessToken: null);

        Assert.Equal(HttpStatusCode.NotFound, response.Status);
        Assert.False(response.Json["allowed"]!.GetValue<bool>());
    }

    [Fact]
    public async Task MissingRoomIdIsBadRequest()
    {
        using var client = new HttpClient();

        var response = await client.GetApiAsync(fixture.Emulator.Emulator.MeetAddress.ToString());

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.False(response.Json["allowed"]!.GetValue<bool>());
        Assert.Contains("room_id", response.Json["reason"].Text(), StringComparison.Ordinal);
    }

    private async Task<ApiResponse> MeetAsync(string roomId, string? accessToken)
    {
        using var client = new HttpClient();
        var query = $"?room_id={roomId}" + (accessToken is null ? "" : $"&access_token={Uri.EscapeDataString(accessToken)}");
        return await client.GetApiAsync(fixture.Emulator.Emulator.MeetAddress + query);
    }
}
