using System.Text.RegularExpressions;
using Pagecall.Api;

namespace Pagecall.Emulator.Tests.Contract;

/// <summary>
/// Calls every operation of specs/pagecall.v1.yaml once through the generated client, in one workspace's life
/// cycle, and checks from the recorded traffic that each path and method of the spec was sent and returned 200.
/// A new operation in the spec fails this test until a contract test calls it.
/// </summary>
public sealed class OperationCoverageContractTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryOperationIsCalledThroughClient()
    {
        await using var emulator = await ContractEmulator.StartAsync();
        var client = emulator.Client;

        var user = (await client.CreateUserAsync(new CreateUserRequest { UserId = "lifecycle-user" }, Cancellation)).User;
        await client.ListUsersAsync(cancellationToken: Cancellation);
        await client.GetUserAsync(user.UserId, Cancellation);
        await client.UpdateUserAsync(user.UserId, new UpdateUserRequest { Name = "Renamed" }, Cancellation);
        var room = (await client.CreateRoomAsync(
            new CreateRoomRequest { Name = "Lifecycle", Type = RoomType.Private }, Cancellation)).Room;
        await client.ListRoomsAsync(cancellationToken: Cancellation);
        await client.GetRoomAsync(room.Id, Cancellation);
        await client.UpdateRoomAsync(room.Id, new UpdateRoomRequest { Name = "Lifecycle 2" }, Cancellation);
        var member = (await client.AddMemberAsync(room.Id, new AddMemberRequest { UserId = user.UserId }, Cancellation)).Member;
        await client.ListMembersAsync(room.Id, cancellationToken: Cancellation);
        await client.GetMemberAsync(room.Id, member.Id, Cancellation);
        await client.UpdateMemberAsync(room.Id, member.Id, new UpdateMemberRequest { Type = MemberType.Host }, Cancellation);
        await client.ListRoomSessionsAsync(room.Id, cancellationToken: Cancellation);
        await client.RemoveMemberAsync(room.Id, member.Id, Cancellation);
        await client.DeleteRoomAsync(room.Id, Cancellation);
        await client.DeleteUserAsync(user.UserId, Cancellation);

        var operations = SpecCoverageTests.ReadOperations()
            .Select(operation => (Key: $"{operation.Method.ToUpperInvariant()} {operation.Path}", Pattern: ToPattern(operation.Path)))
            .ToList();
        var called = new HashSet<string>(StringComparer.Ordinal);
        foreach (var exchange in emulator.Recorder.Exchanges)
        {
            Assert.True(exchange.Status == 200, $"{exchange.Method} {exchange.PathAndQuery} returned status {exchange.Status}.");
            var path = exchange.PathAndQuery.Split('?')[0];
            var matches = operations
                .Where(operation => operation.Key.StartsWith(exchange.Method + " ", StringComparison.Ordinal)
                    && operation.Pattern.IsMatch(path))
                .ToList();
            var match = Assert.Single(matches);
            called.Add(match.Key);
        }

        Assert.Equal(
            operations.Select(operation => operation.Key).Order(StringComparer.Ordinal),
            called.Order(StringComparer.Ordinal));
    }

    /// <summary>Turns a path template such as /rooms/{id} into a pattern for /v1/rooms/&lt;one segment&gt;.</summary>
    private static Regex ToPattern(string template) =>
        new("^/v1" + Regex.Replace(Regex.Escape(template), @"\\\{[^/]+?}", "[^/]+") + "$", RegexOptions.CultureInvariant);
}
