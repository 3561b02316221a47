using Pagecall.Api;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Tests.Http;

namespace Pagecall.Provisioning.Tests.Live;

/// <summary>
/// Paged reads of the emulator's user list in pages of two, with the workspace or the pages changed between two
/// page requests. A read that does not add up to <c>paging.total</c> must throw, never return a partial list.
/// </summary>
public sealed class PagedReadTests
{
    private const int PageSize = 2;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StableList_ReadsEveryPage()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var client = harness.CreateCheckingClient();
        await CreateUsersAsync(client, 5);

        var users = await ReadUsersAsync(client, (_, page) => Task.FromResult(page));

        Assert.Equal(["user-0", "user-1", "user-2", "user-3", "user-4"], users.Select(user => user.UserId));
    }

    [Fact]
    public async Task UserCreatedBetweenPages_Throws()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var client = harness.CreateCheckingClient();
        await CreateUsersAsync(client, 5);

        var error = await Assert.ThrowsAsync<IncompleteReadException>(() => ReadUsersAsync(client, async (offset, page) =>
        {
            if (offset == PageSize)
            {
                await client.CreateUserAsync(new CreateUserRequest { UserId = "late-user" }, Token);
                return await ListPageAsync(client, offset);
            }

            return page;
        }));

        Assert.Equal("users", error.List);
        Assert.Equal(PageSize, error.ItemsRead);
        Assert.Equal(5, error.ExpectedTotal);
        Assert.Contains("paging.total changed from 5 to 6 between pages.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserDeletedBetweenPages_Throws()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var client = harness.CreateCheckingClient();
        await CreateUsersAsync(client, 5);

        // Deleting a user of the first page shifts every later user one place down, so without the check the
        // read would miss user-2 and still look complete.
        var error = await Assert.ThrowsAsync<IncompleteReadException>(() => ReadUsersAsync(client, async (offset, page) =>
        {
            if (offset == PageSize)
            {
                await client.DeleteUserAsync("user-0", Token);
                return await ListPageAsync(client, offset);
            }

            return page;
        }));

        Assert.Contains("paging.total changed from 5 to 4 between pages.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShortLastPage_Throws()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var client = harness.CreateCheckingClient();
        await CreateUsersAsync(client, 5);

        // A server whose last page comes back empty while paging.total still counts the item on it.
        var error = await Assert.ThrowsAsync<IncompleteReadException>(() => ReadUsersAsync(client, (offset, page) =>
            Task.FromResult(offset == 4 ? page with { Items = [] } : page)));

        Assert.Equal(4, error.ItemsRead);
        Assert.Equal(5, error.ExpectedTotal);
        Assert.Contains("items were read, but paging.total is 5.", error.Message, StringComparison.Ordinal);
        Assert.Contains("No plan was computed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RepeatedItem_Throws()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var client = harness.CreateCheckingClient();
        await CreateUsersAsync(client, 5);

        // A server that ignores offset returns the first page again.
        var error = await Assert.ThrowsAsync<IncompleteReadException>(() => ReadUsersAsync(client, async (offset, page) =>
            offset == 0 ? page : await ListPageAsync(client, 0)));

        Assert.Contains("item user-0 appeared on two pages", error.Message, StringComparison.Ordinal);
    }

    private static async Task CreateUsersAsync(PagecallClient client, int count)
    {
        for (var index = 0; index < count; index++)
        {
            await client.CreateUserAsync(new CreateUserRequest { UserId = $"user-{index}" }, Token);
        }
    }

    /// <summary>
    /// Reads every user through <see cref="PagedReader"/>. Each page comes from the emulator and then passes
    /// through <paramref name="change"/>, which gets the offset and may change the workspace or the page.
    /// </summary>
    private static Task<List<User>> ReadUsersAsync(PagecallClient client, Func<int, Page<User>, Task<Page<User>>> change) =>
        PagedReader.ReadAllAsync(
            "users",
            PageSize,
            async (offset, limit, token) => await change(offset, await ListPageAsync(client, offset)),
            user => user.UserId,
            Token);

    private static async Task<Page<User>> ListPageAsync(PagecallClient client, int offset)
    {
        var page = await client.ListUsersAsync(offset, PageSize, "+created_at", Token);
        return new Page<User>(page.Users, page.Paging);
    }
}
