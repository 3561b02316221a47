using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Http;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>
/// An in-process emulator on loopback and a resilient client registered through
/// <see cref="PagecallApiServiceCollectionExtensions.AddPagecallApi"/>, with both logs captured at Trace level.
/// </summary>
public sealed class ResilientClientHarness : IAsyncDisposable
{
    /// <summary>A key that is easy to search for in the logs.</summary>
    public const string ApiKey = "pk-live-7f3a9c1e5b2d4f6a8c0e";

    private readonly ServiceProvider _services;
    private readonly List<HttpClient> _checkingClients = [];

    private ResilientClientHarness(PagecallEmulator emulator, LogCapture emulatorLog, ServiceProvider services, LogCapture clientLog)
    {
        Emulator = emulator;
        ServerLog = new EmulatorRequestLog(emulatorLog, emulator.MeetAddress);
        _services = services;
        ClientLog = clientLog;
        Client = services.GetRequiredService<IPagecallClient>();
    }

    public PagecallEmulator Emulator { get; }

    /// <summary>The requests that reached the emulator, in the order it finished them.</summary>
    public EmulatorRequestLog ServerLog { get; }

    /// <summary>Everything the client side logged, at every level.</summary>
    public LogCapture ClientLog { get; }

    /// <summary>The resilient client.</summary>
    public IPagecallClient Client { get; }

    public IServiceProvider Services => _services;

    /// <summary>
    /// Starts an emulator without faults and a client with short backoff delays. <paramref name="configure"/> can
    /// change the client settings, <paramref name="configureClient"/> can add to the client's registration, and
    /// <paramref name="replaceServices"/> can replace registered services.
    /// </summary>
    public static async Task<ResilientClientHarness> StartAsync(
        Action<PagecallConnectionOptions>? configure = null,
        Action<IServiceCollection>? replaceServices = null,
        Action<IHttpClientBuilder>? configureClient = null)
    {
        var emulatorLog = new LogCapture();
        var emulator = await PagecallEmulator.StartAsync(new EmulatorOptions
        {
            ApiKeys = [ApiKey],
            ConfigureLogging = logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(emulatorLog),
        });

        var clientLog = new LogCapture();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(clientLog));
        var client = services.AddPagecallApi(options =>
        {
            options.BaseAddress = emulator.ApiBaseAddress;
            options.ApiKey = ApiKey;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(20);
            options.MaxRetryDelay = TimeSpan.FromSeconds(2);
            configure?.Invoke(options);
        });
        configureClient?.Invoke(client);
        replaceServices?.Invoke(services);
        return new ResilientClientHarness(emulator, emulatorLog, services.BuildServiceProvider(), clientLog);
    }

    /// <summary>Creates a plain client without retries, for checking the emulator's state.</summary>
    public PagecallClient CreateCheckingClient()
    {
        var http = new HttpClient { BaseAddress = Emulator.ApiBaseAddress };
        http.DefaultRequestHeaders.Authorization = new("Bearer", ApiKey);
        _checkingClients.Add(http);
        return new PagecallClient(http);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _checkingClients)
        {
            client.Dispose();
        }

        await _services.DisposeAsync();
        await Emulator.DisposeAsync();
    }
}
