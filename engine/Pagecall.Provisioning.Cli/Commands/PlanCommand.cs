using System.CommandLine;
using System.Text;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>
/// <c>plan MANIFEST</c>: reads the live workspace and prints the changes that would bring it to the manifest.
/// Sends only read requests.
/// </summary>
internal static class PlanCommand
{
    public static Command Create(CommonOptions common, ConsoleOutput console)
    {
        var manifest = ManifestArgument.Create();
        var format = new Option<string>("--format")
        {
            Description = "Output format: text for people, json for programs (see docs/plan-format.md), markdown "
                + "for a pull request comment.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json", "markdown");
        var detailedExitCode = new Option<bool>("--detailed-exitcode")
        {
            Description = "Exit with 2 when the plan has changes, 0 when it has none. Users and rooms that the "
                + "manifest does not declare are left alone, so they are no change.",
        };
        var output = new Option<string?>("--out")
        {
            Description = "Write the plan to this file in place of standard output.",
            HelpName = "FILE",
        };
        var command = new Command(
            "plan",
            "Show the changes that would bring the live workspace to the manifest.")
        {
            manifest,
            format,
            detailedExitCode,
            output,
        };
        command.SetAction((parseResult, cancellationToken) => RunAsync(
            parseResult.GetRequiredValue(manifest),
            common.Read(parseResult),
            parseResult.GetRequiredValue(format),
            parseResult.GetValue(detailedExitCode),
            parseResult.GetValue(output),
            console,
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        string manifestPath,
        CommonSettings settings,
        string format,
        bool detailedExitCode,
        string? outputPath,
        ConsoleOutput console,
        CancellationToken cancellationToken)
    {
        if (!OutputPaths.CheckWritable([("--out", outputPath)], console))
        {
            return ExitCodes.InvalidInput;
        }

        var (session, exitCode) = await PlanningSession.OpenAsync(manifestPath, settings, console, cancellationToken)
            .ConfigureAwait(false);
        if (session is null)
        {
            return exitCode;
        }

        await using (session.ConfigureAwait(false))
        {
            var plan = session.Plan;
            var textOptions = new PlanTextOptions(console.Color && outputPath is null, settings.Verbose);
            var rendered = Render(plan, format, textOptions);
            if (outputPath is null)
            {
                await console.Out.WriteAsync(rendered).ConfigureAwait(false);
            }
            else if (!await TryWriteFileAsync(outputPath, rendered, console, cancellationToken).ConfigureAwait(false))
            {
                return ExitCodes.Failure;
            }

            return detailedExitCode && plan.Summary.HasChanges ? ExitCodes.ChangesPending : ExitCodes.Success;
        }
    }

    /// <summary>Renders <paramref name="plan"/> in one of the formats that <c>--format</c> accepts.</summary>
    public static string Render(Plan plan, string format, PlanTextOptions textOptions) => format switch
    {
        "json" => PlanJsonRenderer.Render(plan),
        "markdown" => PlanMarkdownRenderer.Render(plan),
        _ => PlanTextRenderer.Render(plan, textOptions),
    };

    private static async Task<bool> TryWriteFileAsync(
        string path, string content, ConsoleOutput console, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(path, content, new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
            await console.Error.WriteLineAsync($"Wrote the plan to {path}.").ConfigureAwait(false);
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"Cannot write the plan to {path}: {exception.Message}");
            return false;
        }
    }
}
