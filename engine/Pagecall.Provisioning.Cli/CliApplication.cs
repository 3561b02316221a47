using System.CommandLine;
using System.CommandLine.Invocation;
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

        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error };
        return await parseResult.InvokeAsync(configuration).ConfigureAwait(false);
    }
}
