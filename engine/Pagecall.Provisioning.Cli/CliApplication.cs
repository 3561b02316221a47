using System.CommandLine;
using System.CommandLine.Invocation;
using System.Runtime.InteropServices;
using Pagecall.Provisioning.Cli.Commands;

namespace Pagecall.Provisioning.Cli;

/// <summary>The command tree of <c>pagecall-provision</c> and its entry point.</summary>
internal static class CliApplication
{
    /// <summary>Builds the root command with its subcommands and the common options.</summary>
    public static RootCommand CreateRootCommand(ConsoleOutput console)
    {
        var common = new CommonOptions();
        var root = new RootCommand(
            "Keep a Pagecall workspace (users, rooms and room members) in line with a YAML manifest.");
        common.AddTo(root);
        EnvironmentHelp.AddTo(root);
        root.Subcommands.Add(ValidateCommand.Create(console));
        root.Subcommands.Add(PlanCommand.Create(common, console));
        root.Subcommands.Add(ApplyCommand.Create(common, console));
        return root;
    }

    /// <summary>
    /// Parses <paramref name="args"/> and runs the command. An unknown option or a bad value exits with
    /// <see cref="ExitCodes.InvalidInput"/> after the parser's messages, so it cannot be mistaken for an API failure.
    /// </summary>
    public static async Task<int> RunAsync(string[] args, ConsoleOutput console)
    {
        var root = CreateRootCommand(console);
        var parseResult = root.Parse(args);
        if (parseResult.Action is ParseErrorAction)
        {
            foreach (var error in parseResult.Errors)
            {
                console.WriteError(error.Message);
            }

            var command = string.Join(' ', parseResult.CommandResult.Command is RootCommand
                ? ["pagecall-provision"]
                : new[] { "pagecall-provision", parseResult.CommandResult.Command.Name });
            await console.Error.WriteLineAsync($"Run '{command} --help' to list the arguments and options.")
                .ConfigureAwait(false);
            return ExitCodes.InvalidInput;
        }

        // The parser's own termination handling gives up on the action after a timeout, so apply would exit
        // without its summary. Here the first Ctrl+C or SIGTERM cancels the token, apply reports the changes it
        // did not start as skipped, and the command ends normally. A second Ctrl+C ends the process at once.
        using var cancellation = new CancellationTokenSource();
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Cancel(context, cancellation));
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Cancel(context, cancellation));
        var configuration = new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parseResult.InvokeAsync(configuration, cancellation.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            console.WriteError("The command was cancelled. Run plan to see what is left to change.");
            return ExitCodes.Failure;
        }
        catch (Exception exception)
        {
            console.WriteError($"The command failed with an unexpected {exception.GetType().Name}: {exception.Message}");
            await console.Error.WriteLineAsync(exception.StackTrace).ConfigureAwait(false);
            return ExitCodes.Failure;
        }
    }

    private static void Cancel(PosixSignalContext context, CancellationTokenSource cancellation)
    {
        if (cancellation.IsCancellationRequested)
        {
            return;
        }

        context.Cancel = true;
        Console.Error.WriteLine("Cancelling: no new change starts. Press Ctrl+C again to stop at once.");
        cancellation.Cancel();
    }
}
