using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Pagecall.Emulator.Api;
using Pagecall.Emulator.Faults;
using Pagecall.Emulator.Hosting;
using Pagecall.Emulator.State;

namespace Pagecall.Emulator;

/// <summary>
/// A running local Pagecall API v1. Start it with <see cref="StartAsync"/> and dispose it to stop it:
/// <code>
/// await using var emulator = await PagecallEmulator.StartAsync(new EmulatorOptions { ApiKeys = ["dev-key"] });
/// using var http = new HttpClient { BaseAddress = emulator.ApiBaseAddress };
/// </code>
/// </summary>
public sealed class PagecallEmulator : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorStore _store;
    private readonly FaultInjector _faults;
    private readonly WorkspaceDirectory _workspaces;

    private PagecallEmulator(WebApplication app, EmulatorStore store, FaultInjector faults, WorkspaceDirectory workspaces)
    {
        _app = app;
        _store = store;
        _faults = faults;
        _workspaces = workspaces;
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("The server does not report the addresses it listens on.");
        var address = addresses.Addresses.First();
        BaseAddress = new Uri(address.TrimEnd('/') + "/");
    }

    /// <summary>The root of the server, such as <c>http://127.0.0.1:4010/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The base address of the API, ending in <c>/v1/</c> with the trailing slash.</summary>
    public Uri ApiBaseAddress => new(BaseAddress, "v1/");

    /// <summary>The join check, <c>/meet</c>; add <c>?room_id=…&amp;access_token=…</c>.</summary>
    public Uri MeetAddress => new(BaseAddress, "meet");

    /// <summary>
    /// The fault settings in force. Setting them applies to the next request and restarts the random sequence
    /// from the new settings' seed.
    /// </summary>
    /// <exception cref="ArgumentException">A setting is out of range.</exception>
    public FaultOptions Faults
    {
        get => _faults.Options;
        set => _faults.Configure(value);
    }

    /// <summary>
    /// Starts the emulator and returns once it listens.
    /// </summary>
    /// <exception cref="ArgumentException">No API key is given, or a fault setting is out of range.</exception>
    /// <exception cref="EmulatorStartupException">The state file cannot be loaded.</exception>
    public static async Task<PagecallEmulator> StartAsync(
        EmulatorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        var apiKeys = options.ApiKeys.Where(key => !string.IsNullOrWhiteSpace(key)).ToList();
        if (apiKeys.Count == 0)
        {
            throw new ArgumentException("At least one API key is required.", nameof(options));
        }

        var clock = TimeProvider.System;
        var faults = new FaultInjector(options.Faults, clock);
        var workspaces = new WorkspaceDirectory(apiKeys);

        // The store holds the state file's lock from here, so every failure below must release it.
        var store = new EmulatorStore(options.DataFile is null ? null : new StateFile(options.DataFile), clock);
        WebApplication? app = null;
        try
        {
            app = EmulatorHost.Build(options, store, faults, workspaces);
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            store.Dispose();
            throw;
        }

        return new PagecallEmulator(app, store, faults, workspaces);
    }

    /// <summary>
    /// Adds a session of a room member, as if the member had joined, and returns the session id. The emulator
    /// has no media server, so this is the only way a room gets sessions.
    /// </summary>
    /// <param name="apiKey">The API key of the room's workspace.</param>
    /// <param name="roomId">The id of the room.</param>
    /// <param name="memberIdOrUserId">The member's id or user_id.</param>
    /// <param name="connected">False adds a session that has already ended.</param>
    /// <exception cref="ArgumentException">The key, room or member is unknown.</exception>
    public string AddSession(string apiKey, string roomId, string memberIdOrUserId, bool connected = true)
    {
        if (!_workspaces.TryGetWorkspaceId(apiKey, out var workspaceId))
        {
            throw new ArgumentException("The API key is not one the emulator was started with.", nameof(apiKey));
        }

        return _store.Write(workspaceId, workspace =>
            SessionsApi.Add(workspace, roomId, memberIdOrUserId, connected).Id);
    }

    /// <summary>Waits until the emulator stops, for example on Ctrl+C when it runs from the command line.</summary>
    public Task WaitForShutdownAsync(CancellationToken cancellationToken = default) =>
        _app.WaitForShutdownAsync(cancellationToken);

    /// <summary>Stops the server and releases it.</summary>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _store.Dispose();
    }
}
