using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pagecall.Provisioning.Cli.Hosting;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>
/// The steps that plan and apply share: check the options, load the manifest, connect, read the live workspace and
/// compute the plan. Disposing the session stops the host and the local emulator.
/// </summary>
internal sealed class PlanningSession : IAsyncDisposable
{
    private PlanningSession(ApiConnection connection, IHost host, ManifestLoadResult loaded, LiveWorkspace live, Plan plan)
    {
        Connection = connection;
        Host = host;
        Loaded = loaded;
        Live = live;
        Plan = plan;
    }

    public ApiConnection Connection { get; }

    public IHost Host { get; }

    /// <summary>The manifest, which loaded without errors.</summary>
    public ManifestLoadResult Loaded { get; }

    public WorkspaceManifest Manifest => Loaded.Manifest!;

    /// <summary>The live workspace as it was read for <see cref="Plan"/>.</summary>
    public LiveWorkspace Live { get; }

    public Plan Plan { get; }

    /// <summary>
    /// Runs every step up to the plan. Returns the session, or null with the exit code after writing the reason to
    /// standard error: <see cref="ExitCodes.InvalidInput"/> for bad options or manifest errors (before any request),
    /// <see cref="ExitCodes.Failure"/> for an API failure.
    /// </summary>
    public static async Task<(PlanningSession? Session, int ExitCode)> OpenAsync(
        string manifestPath, CommonSettings settings, ConsoleOutput console, CancellationToken cancellationToken)
    {
        var request = ConnectionRequest.Create(settings, Environment.GetEnvironmentVariable, console);
        if (request is null)
        {
            return (null, ExitCodes.InvalidInput);
        }

        var loaded = ManifestInput.Load(manifestPath, console, deferWarnings: true);
        if (!loaded.Succeeded)
        {
            return (null, ExitCodes.InvalidInput);
        }

        ApiConnection? connection = null;
        IHost? host = null;
        try
        {
            connection = await ApiConnection.OpenAsync(request, console, cancellationToken).ConfigureAwait(false);
            host = CliHost.Build(connection, console, settings);
            var reader = host.Services.GetRequiredService<LiveWorkspaceReader>();
            var live = await reader.ReadAsync(loaded.Manifest, cancellationToken).ConfigureAwait(false);
            var planning = Planner.Compute(loaded, live);
            if (!planning.Succeeded)
            {
                ManifestInput.WriteDiagnostics(loaded.Warnings.Concat(planning.Errors), console);
                ManifestInput.WriteErrorCount(manifestPath, planning.Errors.Count, console);
                await DisposeAsync(host, connection).ConfigureAwait(false);
                return (null, ExitCodes.InvalidInput);
            }

            ManifestInput.WriteDiagnostics(loaded.Warnings, console);
            return (new PlanningSession(connection, host, loaded, live, planning.Plan), ExitCodes.Success);
        }
        catch (Exception exception) when (
            ApiFailures.Describe(exception, connection?.ApiBaseAddress, cancellationToken) is { } message)
        {
            ManifestInput.WriteDiagnostics(loaded.Warnings, console);
            console.WriteError(message);
            await DisposeAsync(host, connection).ConfigureAwait(false);
            return (null, ExitCodes.Failure);
        }
        catch
        {
            await DisposeAsync(host, connection).ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Reads the live workspace again, for example after apply.</summary>
    public Task<LiveWorkspace> ReadLiveAsync(CancellationToken cancellationToken) =>
        Host.Services.GetRequiredService<LiveWorkspaceReader>().ReadAsync(Manifest, cancellationToken);

    public ValueTask DisposeAsync() => DisposeAsync(Host, Connection);

    private static async ValueTask DisposeAsync(IHost? host, ApiConnection? connection)
    {
        // Disposing the host flushes the console logger, whose queue is written on a background thread.
        host?.Dispose();
        if (connection is not null)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }
}
