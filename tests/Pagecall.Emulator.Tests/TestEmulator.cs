using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;

namespace Pagecall.Emulator.Tests;

/// <summary>
/// An emulator on a free loopback port with two workspaces, and HTTP clients whose BaseAddress is the API base
/// address and whose Authorization header carries a workspace key.
/// </summary>
public sealed class TestEmulator : IAsyncDisposable
{
    public const string ApiKey = "test-key-workspace-a";
    public const string OtherApiKey = "test-key-workspace-b";

    private readonly List<HttpClient> _clients = [];

    private TestEmulator(PagecallEmulator emulator)
    {
        Emulator = emulator;
        Client = CreateClient(ApiKey);
    }

    public PagecallEmulator Emulator { get; }

    /// <summary>A client for the first workspace.</summary>
    public HttpClient Client { get; }

    public static async Task<TestEmulator> StartAsync(
        FaultOptions? faults = null, string? dataFile = null, Action<ILoggingBuilder>? logging = null)
    {
        var emulator = await PagecallEmulator.StartAsync(new EmulatorOptions
        {
            ApiKeys = [ApiKey, OtherApiKey],
            DataFile = dataFile,
            Faults = faults ?? new FaultOptions(),
            ConfigureLogging = logging,
        });
        return new TestEmulator(emulator);
    }

    /// <summary>Creates a client with its own connection pool, sending <paramref name="apiKey"/> when it is not null.</summary>
    public HttpClient CreateClient(string? apiKey)
    {
        var client = new HttpClient { BaseAddress = Emulator.ApiBaseAddress };
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }

        _clients.Add(client);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        await Emulator.DisposeAsync();
    }
}

/// <summary>One emulator shared by the tests of a class; tests use unique ids so they do not collide.</summary>
public sealed class EmulatorFixture : IAsyncLifetime
{
    private TestEmulator? _emulator;

    public TestEmulator Emulator => _emulator ?? throw new InvalidOperationException("The fixture has not started.");

    public HttpClient Client => Emulator.Client;

    public async ValueTask InitializeAsync() => _emulator = await TestEmulator.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
