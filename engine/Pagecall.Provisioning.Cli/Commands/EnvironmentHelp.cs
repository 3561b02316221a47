using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>
/// The environment variable list printed after the <c>--help</c> text of the root command, plan and apply. It is
/// kept out of the command descriptions, because the root help lists every subcommand with its description.
/// </summary>
internal static class EnvironmentHelp
{
    /// <summary>Replaces the help action of <paramref name="root"/> with one that adds the environment variables.</summary>
    public static void AddTo(RootCommand root)
    {
        foreach (var option in root.Options)
        {
            if (option is HelpOption { Action: HelpAction help } helpOption)
            {
                helpOption.Action = new WithEnvironmentAction(help);
            }
        }
    }

    /// <summary>
    /// Returns the environment variables that <paramref name="command"/> reads, or null for validate, which reads
    /// none. CI is listed only for apply and the root, because only the apply progress output reads it.
    /// </summary>
    public static string? Describe(Command command)
    {
        var readsCi = command is RootCommand || command.Name == "apply";
        if (!readsCi && command.Name != "plan")
        {
            return null;
        }

        var lines = new List<string>
        {
            "Environment variables:",
            $"  {CommonOptions.ApiKeyVariable}  API key of the workspace (required unless --emulator is given).",
            "  NO_COLOR          Any non-empty value turns colour off.",
        };
        if (readsCi)
        {
            lines.Add("  CI                Any non-empty value writes one line per change, even on a terminal.");
        }

        lines.Add("  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  Proxy for a remote API, not used for loopback addresses.");
        lines.Add("  PAGECALL_PROVISION_*  Configuration keys, such as PAGECALL_PROVISION_Logging__LogLevel__Default.");
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The standard help followed by the environment variables of the command that help was requested for.</summary>
    private sealed class WithEnvironmentAction(HelpAction help) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => help.ClearsParseErrors;

        public override int Invoke(ParseResult parseResult)
        {
            var exitCode = help.Invoke(parseResult);
            var variables = Describe(parseResult.CommandResult.Command);
            if (variables is not null)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(variables);
                output.WriteLine();
            }

            return exitCode;
        }
    }
}
