using Microsoft.Extensions.Logging;

namespace Pagecall.Emulator;

/// <summary>Settings for <see cref="PagecallEmulator.StartAsync"/>.</summary>
public sealed class EmulatorOptions
{
    /// <summary>The API keys the emulator accepts; each key addresses its own workspace. At least one is required.</summary>
    public IReadOnlyList<string> ApiKeys { get; init; } = [];

    /// <summary>
    /// The state file. Null keeps the state in memory only; a path loads the file when it exists and rewrites it
    /// atomically after every change.
    /// </summary>
    public string? DataFile { get; init; }

    /// <summary>
    /// Fault injection settings, none by default. They can change later through <see cref="PagecallEmulator.Faults"/>.
    /// </summary>
    public FaultOptions Faults { get; init; } = new();

    /// <summary>
    /// The addresses to listen on, such as <c>http://127.0.0.1:4010</c>. Empty means a free port on 127.0.0.1.
    /// </summary>
    public IReadOnlyList<string> Urls { get; init; } = [];

    /// <summary>
    /// Adds logging providers. Without it the in-process emulator logs nothing. The emulator logs one line per
    /// request at Information level under the category <c>Pagecall.Emulator.Requests</c>.
    /// </summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>Whether Ctrl+C and SIGTERM stop the emulator; only the command line sets it.</summary>
    internal bool StopOnConsoleSignals { get; init; }
}
