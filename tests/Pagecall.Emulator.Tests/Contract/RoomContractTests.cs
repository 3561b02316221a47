using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>The room operations of the spec, called through the generated client.</summary>
public sealed class RoomContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    private IPagecallClient Client => fixture.Emulator.Client;

    private WireRecorder Recorder => fixture.Emulator.Recorder;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateRoomReturnsRoomAndPaging()
    {
        var host = (await Client.CreateUserAsync(new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation)).User;

        var response = await Client.CreateRoomAsync(new CreateRoomRequest
        {
            Name = "Tutoring " + Guid.NewGuid().ToString("N")[..8],
            Type = RoomType.Private,
            Record = false,
            MaxMeetingSeconds = 3600,
            Members = [new RoomMemberInput { UserId = host.UserId, Type = MemberType.Host, Name = "Teacher" }],
            Webhook = new Webhook
            {
                Url = new Uri("http://127.0.0.1:9/hook"),
                Headers = new Dictionary<string, string> { ["X-Secret"] = "s" },
            },
        }, Cancellation);

        var room = response.Room;
        WireAssert.ObjectId(room.Id);
        WireAssert.ObjectId(room.ApplicationId);
        Assert.Equal(RoomType.Private, room.Type);
        Assert.False(room.Record);
        Assert.Equal(3600, room.MaxMeetingSeconds);
        Assert.Equal("SixAll", room.Layout);
        Assert.Equal(0, room.MeetingTime);
        Assert.Null(room.StartedAt);
        Assert.Null(room.TerminatedAt);
        Assert.False(room.IsTerminated);
        Assert.NotNull(response.Paging);
        Assert.Equal(30, response.Paging.Limit);
        Assert.Equal(0, response.Paging.Offset);
        Assert.Equal(0, response.Paging.Total);

        var exchange = Recorder.Last;
        WireAssert.Envelope(exchange, "room", "paging");
        WireAssert.Timestamp(exchange.Json["room"]!["created_at"]);
        WireAssert.Timestamp(exchange.Json["room"]!["updated_at"]);

        var member = Assert.Single((await Client.ListMembersAsync(room.Id, cancellationToken: Cancellation)).Members);
        Assert.Equal(host.UserId, member.UserId);
        Assert.Equal(MemberType.Host, member.Type);
        Assert.Equal("Teacher", member.Name);
    }

    [Fact]
    public async Task CreateRoomRejectsInvalidMemberEntry()
    {
        var request = new CreateRoomRequest
        {
            Name = "Broken",
            Type = RoomType.Open,
            Members = [new RoomMemberInput { UserId = ApiCalls.NewUserId() }],
        };

        await WireAssert.FailsAsync(
            () => Client.CreateRoomAsync(request, Cancellation), 400, "invalid_request", "members[0].user_id");
    }

    [Fact]
    public async Task CreateRoomRejectsUnknownType()
    {
        var request = new CreateRoomRequest { Name = "Secret", Type = new RoomType("secret") };

        await WireAssert.FailsAsync(() => Client.CreateRoomAsync(request, Cancellation), 400, "invalid_request", "type");
    }

    [Fact]
    public async Task GetRoomReturnsStoredRoom()
    {
        var created = (await Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Lobby", Type = RoomType.Open }, Cancellation)).Room;

        var fetched = (await Client.GetRoomAsync(created.Id, Cancellation)).Room;

        Assert.Equal(created.ToJson(), fetched.ToJson());
        WireAssert.Envelope(Recorder.Last, "room");
    }

    [Fact]
    public async Task UpdateRoomRenamesAndTerminates()
    {
        var created = (await Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Before", Type = RoomType.Public }, Cancellation)).Room;

        var renamed = (await Client.UpdateRoomAsync(created.Id, new UpdateRoomRequest { Name = "After" }, Cancellation)).Room;
        var terminated = (await Client.UpdateRoomAsync(
            created.Id, new UpdateRoomRequest { IsTerminated = true }, Cancellation)).Room;

        Assert.Equal("After", renamed.Name);
        Assert.Null(renamed.TerminatedAt);
        Assert.Equal("After", terminated.Name);
        Assert.True(terminated.IsTerminated);
        Assert.NotNull(terminated.TerminatedAt);
        WireAssert.Envelope(Recorder.Last, "room");
        WireAssert.Timestamp(Recorder.Last.Json["room"]!["terminated_at"]);
        await WireAssert.FailsAsync(
            () => Client.UpdateRoomAsync(created.Id, new UpdateRoomRequest { IsTerminated = false }, Cancellation),
            400, "invalid_request", "is_terminated");
    }

    [Fact]
    public async Task ListRoomsFiltersByName()
    {
        var name = "Filtered " + Guid.NewGuid().ToString("N")[..8];
        var created = (await Client.CreateRoomAsync(new CreateRoomRequest { Name = name, Type = RoomType.Open }, Cancellation)).Room;
        await Client.CreateRoomAsync(new CreateRoomRequest { Name = name + " other", Type = RoomType.Open }, Cancellation);

        var page = await Client.ListRoomsAsync(
            name: name, isTerminated: false, layout: "SixAll", sortBy: "+created_at", cancellationToken: Cancellation);

        Assert.Equal(created.Id, Assert.Single(page.Rooms).Id);
        Assert.Equal(1, page.Paging.Total);
        Assert.Equal(30, page.Paging.Limit);
        WireAssert.Envelope(Recorder.Last, "rooms", "paging");
    }

    [Fact]
    public async Task DeleteRoomReturnsRoomThenNotFound()
    {
        var created = (await Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Gone", Type = RoomType.Open }, Cancellation)).Room;

        var deleted = (await Client.DeleteRoomAsync(created.Id, Cancellation)).Room;

        Assert.Equal(created.Id, deleted.Id);
        WireAssert.Envelope(Recorder.Last, "room");
        await WireAssert.FailsAsync(() => Client.GetRoomAsync(created.Id, Cancellation), 404, "not_found", "id");
        await WireAssert.FailsAsync(
            () => Client.ListMembersAsync(created.Id, cancellationToken: Cancellation), 404, "not_found", "room_id");
    }
}
