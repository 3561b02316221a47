using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>
/// The generated <c>...AllAsync</c> methods walking the emulator's pages. Each test starts its own emulator, so the
/// lists hold exactly what the test created.
/// </summary>
public sealed class PaginationContractTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ListUsersAllWalksEveryPage()
    {
        await using var emulator = await ContractEmulator.StartAsync();
        var created = new List<string>();
        for (var index = 0; index < 7; index++)
        {
            var user = await emulator.Client.CreateUserAsync(
                new CreateUserRequest { UserId = $"paged-{index}" }, Cancellation);
            created.Add(user.User.UserId);
        }

        var walked = await Collect(emulator.Client.ListUsersAllAsync(limit: 3, cancellationToken: Cancellation));

        Assert.Equal(created, walked.Select(user => user.UserId));
        Assert.Equal(
            ["/v1/users?offset=0&limit=3", "/v1/users?offset=3&limit=3", "/v1/users?offset=6&limit=3"],
            emulator.Recorder.Exchanges.Where(exchange => exchange.Method == "GET").Select(exchange => exchange.PathAndQuery));
    }

    [Fact]
    public async Task ListUsersAllWithoutLimitUsesDefault()
    {
        await using var emulator = await ContractEmulator.StartAsync();
        for (var index = 0; index < 31; index++)
        {
            await emulator.Client.CreateUserAsync(new CreateUserRequest { UserId = $"default-{index:D2}" }, Cancellation);
        }

        var walked = await Collect(emulator.Client.ListUsersAllAsync(sortBy: "-created_at", cancellationToken: Cancellation));

        Assert.Equal(31, walked.Count);
        Assert.Equal("default-30", walked[0].UserId);
        Assert.Equal(
            ["/v1/users?offset=0&sort_by=-created_at", "/v1/users?offset=30&sort_by=-created_at"],
            emulator.Recorder.Exchanges.Where(exchange => exchange.Method == "GET").Select(exchange => exchange.PathAndQuery));
    }

    [Fact]
    public async Task ListRoomsAllKeepsFilter()
    {
        await using var emulator = await ContractEmulator.StartAsync();
        var open = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            var room = await emulator.Client.CreateRoomAsync(
                new CreateRoomRequest { Name = $"room {index}", Type = RoomType.Open }, Cancellation);
            open.Add(room.Room.Id);
            if (index % 2 == 1)
            {
                await emulator.Client.UpdateRoomAsync(room.Room.Id, new UpdateRoomRequest { IsTerminated = true }, Cancellation);
                open.Remove(room.Room.Id);
            }
        }

        var walked = await Collect(emulator.Client.ListRoomsAllAsync(limit: 2, isTerminated: false, cancellationToken: Cancellation));

        Assert.Equal(open, walked.Select(room => room.Id));
    }

    [Fact]
    public async Task ListMembersAndSessionsAllWalkEveryPage()
    {
        await using var emulator = await ContractEmulator.StartAsync();
        var room = (await emulator.Client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Paged", Type = RoomType.Private }, Cancellation)).Room;
        var members = new List<string>();
        var sessions = new List<string>();
        for (var index = 0; index < 5; index++)
        {
            var user = (await emulator.Client.CreateUserAsync(
                new CreateUserRequest { UserId = $"member-{index}" }, Cancellation)).User;
            var member = (await emulator.Client.AddMemberAsync(
                room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;
            members.Add(member.Id);
            sessions.Add(emulator.AddSession(room.Id, user.UserId, connected: index % 2 == 0));
        }

        var walkedMembers = await Collect(emulator.Client.ListMembersAllAsync(room.Id, limit: 2, cancellationToken: Cancellation));
        var walkedSessions = await Collect(
            emulator.Client.ListRoomSessionsAllAsync(room.Id, limit: 2, cancellationToken: Cancellation));
        var connected = await Collect(
            emulator.Client.ListRoomSessionsAllAsync(room.Id, isConnecting: true, limit: 1, cancellationToken: Cancellation));

        Assert.Equal(members, walkedMembers.Select(member => member.Id));
        Assert.Equal(sessions, walkedSessions.Select(session => session.Id));
        Assert.Equal([sessions[0], sessions[2], sessions[4]], connected.Select(session => session.Id));
    }

    private static async Task<List<T>> Collect<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}
