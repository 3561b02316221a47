using System.Net.Sockets;
using Microsoft.Extensions.Logging.Console;

namespace Pagecall.Emulator;

/// <summary>The command-line entry point: <c>Pagecall.Emulator --api-key KEY [options]</c>.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        EmulatorOptions? parsed;
        try
        {
            parsed = CommandLine.Parse(args, Environment.GetEnvironmentVariable(CommandLine.ApiKeysVariable));
        }
        catch (FormatException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 2;
        }

        if (parsed is null)
        {
            Console.WriteLine(CommandLine.Help);
            return 0;
        }

        if (CommandLine.NetworkExposureWarning(parsed.Urls) is { } warning)
        {
            await Console.Error.WriteLineAsync(warning);
        }

        var options = new EmulatorOptions
        {
            Urls = parsed.Urls,
            ApiKeys = parsed.ApiKeys,
            DataFile = parsed.DataFile,
            Faults = parsed.Faults,
            StopOnConsoleSignals = true,
            ConfigureLogging = AddConsoleLogging,
        };

        try
        {
            await using var emulator = await PagecallEmulator.StartAsync(options);
            var workspaces = options.ApiKeys.Distinct().Count();
            var state = options.DataFile is null ? "in memory" : $"in {Path.GetFullPath(options.DataFile)}";
            Console.WriteLine(
                $"Pagecall emulator listening on {emulator.ApiBaseAddress} with {workspaces} workspace(s); "
                + $"state {state}. Press Ctrl+C to stop.");
            await emulator.WaitForShutdownAsync();
            Console.WriteLine("Pagecall emulator stopped.");
            return 0;
        }
        catch (EmulatorStartupException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            return 1;
        }
        catch (IOException exception)
        {
            await Console.Error.WriteLineAsync($"The emulator could not start: {exception.Message}");
            return 1;
        }
        catch (SocketException exception)
        {
            // Kestrel reports a port in use as an IOException, but an address that is not this machine's as a
            // SocketException.
            await Console.Error.WriteLineAsync(
                $"The emulator could not listen on {string.Join(';', options.Urls)}: {exception.Message}. "
                + "Pass --urls with an address of this machine, such as http://127.0.0.1:4010.");
            return 1;
        }
    }

    /// <summary>Logs one line per entry to standard error, so standard output carries only the start-up line.</summary>
    private static void AddConsoleLogging(ILoggingBuilder logging)
    {
        logging.AddSimpleConsole(console =>
        {
            console.SingleLine = true;
            console.TimestampFormat = "HH:mm:ss.fff ";
            console.ColorBehavior = LoggerColorBehavior.Disabled;
        });
        logging.Services.Configure<ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
