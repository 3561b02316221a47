using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Http;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>What the resilient client logs at Trace level, and what it must never log.</summary>
public sealed class LoggingTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TraceLogsHoldNoSecrets()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        var created = await harness.Client.CreateUserAsync(new CreateUserRequest { UserId = "secretive" }, Token);
        var accessToken = created.User.AccessToken;
        await harness.Client.GetUserAsync("secretive", Token);
        await harness.Client.ListRoomsAsync(name: "room with a query value", cancellationToken: Token);
        harness.Emulator.Faults = new FaultOptions { Seed = FaultSeeds.Find(0.5, 500, null), ErrorRate = 0.5 };
        await harness.Client.ListUsersAsync(limit: 5, cancellationToken: Token);

        var entries = harness.ClientLog.Entries;
        Assert.False(string.IsNullOrEmpty(accessToken));
        Assert.All(entries.SelectMany(entry => entry.AllText()), text =>
        {
            Assert.DoesNotContain(ResilientClientHarness.ApiKey, text, StringComparison.Ordinal);
            Assert.DoesNotContain(accessToken, text, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("room with a query value", text, StringComparison.Ordinal);
            Assert.DoesNotContain("room%20with", text, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task FactoryRequestLoggingRemoved()
    {
        await using var harness = await ResilientClientHarness.StartAsync();

        await harness.Client.ListUsersAsync(cancellationToken: Token);

        // HttpClientFactory logs under System.Net.Http.HttpClient.{name}, with full URLs and, at Trace, headers.
        Assert.DoesNotContain(harness.ClientLog.Entries,
            entry => entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoredFactoryLoggingRedactsHeaders()
    {
        await using var harness = await ResilientClientHarness.StartAsync(
            configureClient: client => client.AddDefaultLogger());

        await harness.Client.ListUsersAsync(cancellationToken: Token);

        var factoryEntries = harness.ClientLog.Entries
            .Where(entry => entry.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal))
            .ToList();
        Assert.Contains(factoryEntries, entry => entry.Message.Contains("Authorization: *", StringComparison.Ordinal));
        Assert.All(factoryEntries.SelectMany(entry => entry.AllText()), text =>
            Assert.DoesNotContain(ResilientClientHarness.ApiKey, text, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AttemptLineNamesMethodPathStatus()
    {
        await using var harness = await ResilientClientHarness.StartAsync();
        harness.Emulator.Faults = new FaultOptions { Seed = FaultSeeds.Find(0.5, 500, null), ErrorRate = 0.5 };

        await harness.Client.ListUsersAsync(offset: 0, limit: 5, cancellationToken: Token);

        var attempts = harness.ClientLog.Entries.Where(entry => entry.Category == AttemptLoggingHandler.Category).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal(LogLevel.Information, attempts[0].Level);
        Assert.Equal("GET", attempts[0].Values["Method"]);
        Assert.Equal("/v1/users", attempts[0].Values["Path"]);
        Assert.Equal("500", attempts[0].Values["StatusCode"]);
        Assert.Equal("1", attempts[0].Values["Attempt"]);
        Assert.True(attempts[0].Values.ContainsKey("ElapsedMilliseconds"));
        Assert.Equal(LogLevel.Debug, attempts[1].Level);
        Assert.Equal("200", attempts[1].Values["StatusCode"]);
        Assert.Equal("2", attempts[1].Values["Attempt"]);
        var retry = Assert.Single(harness.ClientLog.Entries,
            entry => entry.Category == PagecallApiServiceCollectionExtensions.RetryLogCategory);
        Assert.StartsWith("Retrying GET /v1/users in ", retry.Message, StringComparison.Ordinal);
        Assert.Equal("1", retry.Values["Retry"]);
    }
}
