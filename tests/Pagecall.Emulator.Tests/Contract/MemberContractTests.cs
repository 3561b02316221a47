using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>
/// The member and session operations of the spec, called through the generated client, including the inferred
/// update and remove operations.
/// </summary>
public sealed class MemberContractTests(ContractFixture fixture) : IClassFixture<ContractFixture>
{
    private IPagecallClient Client => fixture.Emulator.Client;

    private WireRecorder Recorder => fixture.Emulator.Recorder;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AddMemberReturnsFormattedMember()
    {
        var (room, user) = await CreateRoomAndUserAsync(MemberType.Monitor);

        var member = (await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;

        WireAssert.ObjectId(member.Id);
        Assert.Equal(room.Id, member.RoomId);
        Assert.Equal(user.UserId, member.UserId);
        Assert.Equal(MemberType.Monitor, member.Type);
        Assert.Equal(user.Name, member.Name);
        WireAssert.Envelope(Recorder.Last, "member");
        WireAssert.Timestamp(Recorder.Last.Json["member"]!["created_at"]);
        WireAssert.Timestamp(Recorder.Last.Json["member"]!["updated_at"]);
    }

    [Fact]
    public async Task AddMemberRejectsUnknownUser()
    {
        var (room, _) = await CreateRoomAndUserAsync();

        await WireAssert.FailsAsync(
            () => Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = ApiCalls.NewUserId() }, Cancellation),
            400, "invalid_request", "user_id");
    }

    [Fact]
    public async Task GetMemberAcceptsMemberIdOrUserId()
    {
        var (room, user) = await CreateRoomAndUserAsync();
        var added = (await Client.AddMemberAsync(
            room.Id, new AddMemberRequest { UserId = user.UserId, Type = MemberType.Host }, Cancellation)).Member;

        var byId = (await Client.GetMemberAsync(room.Id, added.Id, Cancellation)).Member;
        var byUserId = (await Client.GetMemberAsync(room.Id, user.UserId, Cancellation)).Member;

        Assert.Equal(added.ToJson(), byId.ToJson());
        Assert.Equal(added.ToJson(), byUserId.ToJson());
        WireAssert.Envelope(Recorder.Last, "member");
    }

    [Fact]
    public async Task ListMembersReturnsPageEnvelope()
    {
        var (room, user) = await CreateRoomAndUserAsync();
        await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation);

        var page = await Client.ListMembersAsync(room.Id, offset: 0, limit: 10, cancellationToken: Cancellation);

        Assert.Equal(user.UserId, Assert.Single(page.Members).UserId);
        Assert.NotNull(page.Paging);
        Assert.Equal(10, page.Paging.Limit);
        Assert.Equal(1, page.Paging.Total);
        WireAssert.Envelope(Recorder.Last, "members", "paging");
    }

    [Fact]
    public async Task UpdateMemberChangesType()
    {
        var (room, user) = await CreateRoomAndUserAsync();
        var added = (await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;

        var updated = (await Client.UpdateMemberAsync(
            room.Id, added.Id, new UpdateMemberRequest { Type = MemberType.Host }, Cancellation)).Member;

        Assert.Equal(added.Id, updated.Id);
        Assert.Equal(MemberType.Host, updated.Type);
        WireAssert.Envelope(Recorder.Last, "member");
        Assert.Equal(MemberType.Host, (await Client.GetMemberAsync(room.Id, added.Id, Cancellation)).Member.Type);
        await WireAssert.FailsAsync(
            () => Client.UpdateMemberAsync(
                room.Id, added.Id, new UpdateMemberRequest { Type = new MemberType("owner") }, Cancellation),
            400, "invalid_request", "type");
    }

    [Fact]
    public async Task RemoveMemberReturnsMemberThenNotFound()
    {
        var (room, user) = await CreateRoomAndUserAsync();
        var added = (await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;

        var removed = (await Client.RemoveMemberAsync(room.Id, user.UserId, Cancellation)).Member;

        Assert.Equal(added.Id, removed.Id);
        WireAssert.Envelope(Recorder.Last, "member");
        await WireAssert.FailsAsync(() => Client.GetMemberAsync(room.Id, added.Id, Cancellation), 404, "not_found", "member_id");
        await WireAssert.FailsAsync(() => Client.RemoveMemberAsync(room.Id, added.Id, Cancellation), 404, "not_found", "member_id");
        Assert.Empty((await Client.ListMembersAsync(room.Id, cancellationToken: Cancellation)).Members);
    }

    [Fact]
    public async Task TerminatedRoomRejectsMemberChanges()
    {
        var (room, user) = await CreateRoomAndUserAsync();
        var added = (await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;
        await Client.UpdateRoomAsync(room.Id, new UpdateRoomRequest { IsTerminated = true }, Cancellation);

        await WireAssert.FailsAsync(
            () => Client.UpdateMemberAsync(room.Id, added.Id, new UpdateMemberRequest { Type = MemberType.Host }, Cancellation),
            400, "invalid_request", "room_id");
        await WireAssert.FailsAsync(
            () => Client.RemoveMemberAsync(room.Id, added.Id, Cancellation), 400, "invalid_request", "room_id");
        Assert.Equal(added.Id, (await Client.GetMemberAsync(room.Id, added.Id, Cancellation)).Member.Id);
    }

    [Fact]
    public async Task ListRoomSessionsFiltersAndFormats()
    {
        var (room, first) = await CreateRoomAndUserAsync();
        var second = (await Client.CreateUserAsync(new CreateUserRequest { UserId = ApiCalls.NewUserId() }, Cancellation)).User;
        var firstMember = (await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = first.UserId }, Cancellation)).Member;
        await Client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = second.UserId }, Cancellation);
        var live = fixture.Emulator.AddSession(room.Id, first.UserId);
        var ended = fixture.Emulator.AddSession(room.Id, second.UserId, connected: false);

        var all = await Client.ListRoomSessionsAsync(room.Id, cancellationToken: Cancellation);
        var allExchange = Recorder.Last;
        var connecting = await Client.ListRoomSessionsAsync(room.Id, isConnecting: true, cancellationToken: Cancellation);
        var byUser = await Client.ListRoomSessionsAsync(room.Id, userId: second.UserId, cancellationToken: Cancellation);

        Assert.Equal(2, all.Paging!.Total);
        WireAssert.Envelope(allExchange, "sessions", "paging");
        var session = Assert.Single(connecting.Sessions);
        Assert.Equal(live, session.Id);
        WireAssert.ObjectId(session.Id);
        Assert.Equal(room.Id, session.RoomId);
        Assert.Equal(firstMember.Id, session.MemberId);
        Assert.Equal(first.UserId, session.UserId);
        Assert.Null(session.DisconnectedAt);
        Assert.Equal(ended, Assert.Single(byUser.Sessions).Id);
        var endedJson = allExchange.Json["sessions"]!.AsArray().Single(node => node!["id"].Text() == ended)!;
        WireAssert.Timestamp(endedJson["connected_at"]);
        WireAssert.Timestamp(endedJson["disconnected_at"]);
    }

    private async Task<(Room Room, User User)> CreateRoomAndUserAsync(MemberType? defaultMemberType = null)
    {
        var user = (await Client.CreateUserAsync(
            new CreateUserRequest { UserId = ApiCalls.NewUserId(), Name = "Member", DefaultMemberType = defaultMemberType },
            Cancellation)).User;
        var room = (await Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Members " + Guid.NewGuid().ToString("N")[..8], Type = RoomType.Private },
            Cancellation)).Room;
        return (room, user);
    }
}
