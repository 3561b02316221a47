using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Text.Json;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>The exit code and the two output streams of one CLI run.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>Both streams, for checks that a text appears nowhere.</summary>
    public string AllOutput => Output + Error;

    public override string ToString() => $"exit code {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>
/// Runs the built <c>pagecall-provision.dll</c> as a separate process. Every run has PAGECALL_API_KEY removed
/// unless the caller sets it, and its HTTP and HTTPS proxy set to <see cref="ProxySentinel"/>, so a request meant
/// for a remote host reaches that loopback listener and no other machine.
/// </summary>
public static class CliProcess
{
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    public static string AssemblyPath { get; } = Metadata("CliAssemblyPath");

    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string SampleManifest => Path.Combine(RepositoryRoot, "samples", "tutoring", "workspace.yaml");

    public static Task<CliResult> RunAsync(string workingDirectory, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string?>(), arguments);

    /// <summary>Runs the CLI in <paramref name="workingDirectory"/> with extra environment variables.</summary>
    public static Task<CliResult> RunAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        RunAsync(workingDirectory, environment, CancellationToken.None, arguments);

    /// <summary>
    /// Runs the CLI and kills it with SIGKILL as soon as <paramref name="kill"/> is cancelled, unless it has exited
    /// by then. A killed run returns the exit code that the runtime reports for the signal (137 on Linux).
    /// </summary>
    public static Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken kill,
        params string[] arguments) =>
        RunAsync(workingDirectory, environment, kill, Signal.Kill, arguments);

    /// <summary>
    /// Runs the CLI and sends it <paramref name="signal"/> as soon as <paramref name="trigger"/> is cancelled, unless
    /// it has exited by then.
    /// </summary>
    public static async Task<CliResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        CancellationToken trigger,
        Signal signal,
        params string[] arguments)
    {
        if (!File.Exists(AssemblyPath))
        {
            throw new FileNotFoundException($"The CLI is not built at {AssemblyPath}. Build the test project first.");
        }

        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(AssemblyPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PAGECALL_API_KEY");
        start.Environment.Remove("NO_PROXY");
        start.Environment.Remove("no_proxy");
        foreach (var name in new[] { "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy" })
        {
            start.Environment[name] = ProxySentinel.Address;
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("The CLI did not start.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        using var signalRegistration = trigger.Register(() => Send(process, signal));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pagecall-provision {string.Join(' ', arguments)} did not exit in {s_timeout}.");
        }

        return new CliResult(process.ExitCode, await output, await error);
    }

    private static void Send(Process process, Signal signal)
    {
        try
        {
            if (signal == Signal.Kill)
            {
                // Process.Kill sends SIGKILL on Unix, so the CLI gets no chance to finish or clean up.
                process.Kill();
                return;
            }

            // .NET has no call that sends SIGTERM to another process, so the kill command sends it.
            using var terminate = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]);
            terminate.WaitForExit();
        }
        catch (InvalidOperationException)
        {
            // The process exited before the signal.
        }
    }

    private static string Metadata(string key) =>
        typeof(CliProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(attribute => attribute.Key == key).Value
        ?? throw new InvalidOperationException($"The assembly metadata {key} is empty.");
}

/// <summary>The signal that <see cref="CliProcess"/> sends to stop a run.</summary>
public enum Signal
{
    /// <summary>SIGKILL, which ends the process at once.</summary>
    Kill,

    /// <summary>SIGTERM, which the CLI handles like Ctrl+C.</summary>
    Terminate,
}

/// <summary>
/// A loopback TCP listener that acts as the HTTP proxy of every CLI run and counts the connections it accepts.
/// A count that grows means the CLI tried to reach a host that is not loopback.
/// </summary>
public static class ProxySentinel
{
    private static readonly TcpListener s_listener = StartListener();
    private static int s_connections;

    public static string Address { get; } = $"http://127.0.0.1:{((IPEndPoint)s_listener.LocalEndpoint).Port}";

    public static int Connections => Volatile.Read(ref s_connections);

    private static TcpListener StartListener()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        _ = Task.Run(async () =>
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref s_connections);
            }
        });
        return listener;
    }
}

/// <summary>A temporary working folder, deleted on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pagecall-cli-").FullName;

    /// <summary>Writes <paramref name="text"/> to a file in the folder and returns the file name.</summary>
    public string Write(string fileName, string text)
    {
        File.WriteAllText(System.IO.Path.Combine(Path, fileName), text);
        return fileName;
    }

    public string Read(string fileName) => File.ReadAllText(System.IO.Path.Combine(Path, fileName));

    /// <summary>Reads every access token from the data file that <c>--emulator</c> keeps in the folder.</summary>
    public List<string> ReadEmulatorAccessTokens()
    {
        using var state = JsonDocument.Parse(Read(System.IO.Path.Combine(".pagecall", "emulator.json")));
        return state.RootElement.GetProperty("users").EnumerateArray()
            .Select(user => user.GetProperty("access_token").GetString())
            .OfType<string>()
            .ToList();
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
