using Pagecall.Api;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Tests.Apply;

public sealed class ExecutionGraphTests
{
    [Theory]
    [InlineData("plain", "u1")]
    [InlineData("a\"].member[\"b", "c\"]")]
    [InlineData("back\\slash\nnew line", "한글")]
    [InlineData("", "")]
    public void AddressRoundTrips(string roomName, string userId)
    {
        Assert.Equal(userId, ChangeAddress.Parse(Addresses.User(userId)).UserId);
        Assert.Equal(roomName, ChangeAddress.Parse(Addresses.Room(roomName)).RoomName);
        Assert.Null(ChangeAddress.Parse(Addresses.Room(roomName)).UserId);
        var member = ChangeAddress.Parse(Addresses.Member(roomName, userId));
        Assert.Equal(roomName, member.RoomName);
        Assert.Equal(userId, member.UserId);
        Assert.Equal(Addresses.Room(roomName), member.RoomAddress);
    }

    [Theory]
    [InlineData("user[u1]")]
    [InlineData("user[\"u1\"")]
    [InlineData("user[\"u1\"]x")]
    [InlineData("room[\"r\"].member[\"u\"].member[\"v\"]")]
    [InlineData("group[\"g\"]")]
    public void InvalidAddressIsRejected(string address)
    {
        var error = Assert.Throws<FormatException>(() => ChangeAddress.Parse(address));
        Assert.Contains(address, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RoomCreateCarriesItsMemberAdds()
    {
        var plan = new Plan("workspace.yaml",
        [
            Change(Addresses.User("ann"), ResourceKind.User, ChangeAction.Create),
            Change(Addresses.Room("R"), ResourceKind.Room, ChangeAction.Create, Addresses.User("ann")),
            Change(Addresses.Member("R", "ann"), ResourceKind.Member, ChangeAction.Create, Addresses.Room("R")),
            Change(Addresses.Room("S"), ResourceKind.Room, ChangeAction.NoOp),
            Change(Addresses.Member("S", "ann"), ResourceKind.Member, ChangeAction.Create, Addresses.User("ann")),
        ]);

        var items = ExecutionGraph.Build(plan);

        Assert.Equal(
            [Addresses.User("ann"), Addresses.Room("R"), Addresses.Member("S", "ann")],
            items.Select(item => item.Change.Address));
        Assert.Equal([Addresses.Member("R", "ann")], items[1].MembersWithRoom.Select(member => member.Address));
        Assert.Equal([Addresses.User("ann")], ExecutionGraph.Dependencies(items[1]));
    }

    [Fact]
    public void DependencyOnLaterKindIsRejected()
    {
        var plan = new Plan("workspace.yaml",
        [
            Change(Addresses.User("ann"), ResourceKind.User, ChangeAction.Create, Addresses.Room("R")),
            Change(Addresses.Room("R"), ResourceKind.Room, ChangeAction.Create),
        ]);

        var error = Assert.Throws<ArgumentException>(() => ExecutionGraph.Build(plan));

        Assert.Contains("user[\"ann\"] depends on room[\"R\"]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DependencyCycleIsRejected()
    {
        var plan = new Plan("workspace.yaml",
        [
            Change(Addresses.User("a"), ResourceKind.User, ChangeAction.Create, Addresses.User("b")),
            Change(Addresses.User("b"), ResourceKind.User, ChangeAction.Create, Addresses.User("a")),
        ]);

        var error = Assert.Throws<ArgumentException>(() => ExecutionGraph.Build(plan));

        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RepeatedAddressIsRejected()
    {
        var plan = new Plan("workspace.yaml",
        [
            Change(Addresses.User("a"), ResourceKind.User, ChangeAction.Create),
            Change(Addresses.User("a"), ResourceKind.User, ChangeAction.Update),
        ]);

        var error = Assert.Throws<ArgumentException>(() => ExecutionGraph.Build(plan));

        Assert.Contains("lists user[\"a\"] twice", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvalidOptionsAreRejected()
    {
        // The base address is never used, because the options are checked before any request.
        using var http = new HttpClient { BaseAddress = new Uri("http://127.0.0.1:9/v1/") };
        var applier = new Applier(new PagecallClient(http));
        var plan = new Plan("workspace.yaml", []);

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => applier.ApplyAsync(
            plan, LiveWorkspace.Empty, new ApplyOptions { Parallelism = 0 }, cancellationToken: TestContext.Current.CancellationToken));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => applier.ApplyAsync(
            plan, LiveWorkspace.Empty, new ApplyOptions { MaxAttempts = 0 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    private static PlannedChange Change(string address, ResourceKind kind, ChangeAction action, params string[] dependsOn) =>
        new() { Address = address, Kind = kind, Action = action, Reason = "test", DependsOn = dependsOn };
}
