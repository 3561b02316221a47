using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Invites;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>
/// <c>apply MANIFEST</c>: plans again, prints the plan, applies it through the <see cref="Applier"/> and prints the
/// outcome of every change and a summary.
/// </summary>
internal static class ApplyCommand
{
    public static Command Create(CommonOptions common, ConsoleOutput console)
    {
        var manifest = ManifestArgument.Create();
        var allowDestroy = new Option<bool>("--allow-destroy")
        {
            Description = "Apply room replacements too: a room whose type, record or max_meeting_seconds changes is "
                + "created anew and the live room is terminated. Without it, apply lists them and sends no change.",
        };
        var parallelism = new Option<int>("--parallelism")
        {
            Description = "Number of changes sent at the same time.",
            HelpName = "N",
            DefaultValueFactory = _ => 8,
        };
        parallelism.Validators.Add(result =>
        {
            // Text that is not an integer gets the parser's own error, and reading its value here would throw.
            if (result.Tokens is [var token] && int.TryParse(token.Value, out var value) && value < 1)
            {
                result.AddError($"--parallelism must be 1 or more, but it is {value}.");
            }
        });
        var invites = new Option<string?>("--invites")
        {
            Description = "Write the invite link of every room member to this file after apply. The links contain "
                + "access tokens, so they are never printed.",
            HelpName = "FILE",
        };
        var journal = new Option<string?>("--journal")
        {
            Description = "Append the outcome of every change to this file, one JSON object per line, as the apply "
                + "runs.",
            HelpName = "FILE",
        };
        var format = new Option<string>("--format")
        {
            Description = "Output format: text for people, json for a summary that programs read.",
            DefaultValueFactory = _ => "text",
        };
        format.AcceptOnlyFromAmong("text", "json");
        var command = new Command(
            "apply", "Change the live workspace to match the manifest.")
        {
            manifest,
            allowDestroy,
            parallelism,
            invites,
            journal,
            format,
        };
        command.SetAction((parseResult, cancellationToken) =>
        {
            var request = new ApplyRequest(
                parseResult.GetRequiredValue(manifest),
                common.Read(parseResult),
                // The resilient HTTP client retries reads, updates and deletes, so the applier retries only creates,
                // which it re-sends after checking by natural key that the lost attempt did not commit.
                new ApplyOptions
                {
                    RetryIdempotentRequests = false,
                    AllowDestroy = parseResult.GetValue(allowDestroy),
                    Parallelism = parseResult.GetValue(parallelism),
                    JournalPath = parseResult.GetValue(journal),
                },
                parseResult.GetValue(invites),
                parseResult.GetRequiredValue(format) == "json");
            return RunAsync(request, console, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(ApplyRequest request, ConsoleOutput console, CancellationToken cancellationToken)
    {
        var outputs = new[] { ("--invites", request.InvitesPath), ("--journal", request.Options.JournalPath) };
        if (!OutputPaths.CheckWritable(outputs, console))
        {
            return ExitCodes.InvalidInput;
        }

        var (session, exitCode) = await PlanningSession.OpenAsync(
            request.ManifestPath, request.Settings, console, cancellationToken).ConfigureAwait(false);
        if (session is null)
        {
            return exitCode;
        }

        await using (session.ConfigureAwait(false))
        {
            var plan = session.Plan;
            if (!request.Json)
            {
                await console.Out.WriteAsync(PlanTextRenderer.Render(plan, new PlanTextOptions(console.Color, request.Settings.Verbose)))
                    .ConfigureAwait(false);
            }

            var destructive = plan.Changes.Where(change => change.IsDestructive).ToList();
            if (destructive.Count > 0 && !request.Options.AllowDestroy)
            {
                // Checked here as well as in the applier, so that no write request is sent at all.
                return await ReportBlockedAsync(plan, destructive, request.Json, console).ConfigureAwait(false);
            }

            var result = await TryApplyPlanAsync(session, request, console, cancellationToken).ConfigureAwait(false);
            if (result is null)
            {
                return ExitCodes.Failure;
            }

            if (result.IsBlocked)
            {
                return await ReportBlockedAsync(plan, result.BlockedDestructiveChanges, request.Json, console)
                    .ConfigureAwait(false);
            }

            var cancelled = cancellationToken.IsCancellationRequested;
            await ReportResultAsync(plan, result, request, cancelled, console).ConfigureAwait(false);
            var invitesWritten = request.InvitesPath is null
                || await TryWriteInvitesAsync(session, request.InvitesPath, console, cancellationToken).ConfigureAwait(false);
            // A change is skipped only after a failure it depends on, or after cancellation.
            var complete = result.Failed == 0 && result.Skipped == 0;
            return complete && invitesWritten ? ExitCodes.Success : ExitCodes.Failure;
        }
    }

    /// <summary>
    /// Runs the applier with the progress display. Returns null after writing the error when the journal cannot be
    /// opened or the API fails outside a change, which the applier reports as a failed outcome instead.
    /// </summary>
    private static async Task<ApplyResult?> TryApplyPlanAsync(
        PlanningSession session, ApplyRequest request, ConsoleOutput console, CancellationToken cancellationToken)
    {
        var applier = session.Host.Services.GetRequiredService<Applier>();
        var total = session.Plan.Changes.Count(change => change.Action != ChangeAction.NoOp);
        var progress = new ApplyProgressReporter(console, total, linesToError: request.Json);
        try
        {
            return await applier.ApplyAsync(session.Plan, session.Live, request.Options, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            progress.Complete();
            console.WriteError($"Cannot open the journal {request.Options.JournalPath}: {exception.Message}");
            return null;
        }
        catch (Exception exception) when (
            ApiFailures.Describe(exception, session.Connection.ApiBaseAddress, cancellationToken) is { } message)
        {
            progress.Complete();
            console.WriteError($"Apply stopped: {message}");
            return null;
        }
        finally
        {
            progress.Complete();
        }
    }

    private static async Task<int> ReportBlockedAsync(
        Plan plan, IReadOnlyList<PlannedChange> destructive, bool json, ConsoleOutput console)
    {
        if (json)
        {
            await console.Out.WriteAsync(ApplyJsonRenderer.RenderBlocked(plan, destructive)).ConfigureAwait(false);
        }

        var changes = destructive.Count == 1 ? "1 destructive change" : $"{destructive.Count} destructive changes";
        console.WriteError($"The plan has {changes}, and --allow-destroy was not given, so no change was sent:");
        foreach (var change in destructive)
        {
            var id = change.LiveId is null ? "" : $" ({change.LiveId})";
            await console.Error.WriteLineAsync(
                $"  {PlanVocabulary.Symbol(change.Action)} {change.Address}{id}: {change.Reason}").ConfigureAwait(false);
        }

        await console.Error.WriteLineAsync(
            "Review these changes, then run apply again with --allow-destroy to apply them.").ConfigureAwait(false);
        return ExitCodes.Failure;
    }

    private static async Task ReportResultAsync(
        Plan plan, ApplyResult result, ApplyRequest request, bool cancelled, ConsoleOutput console)
    {
        if (request.Json)
        {
            await console.Out.WriteAsync(ApplyJsonRenderer.Render(plan, result)).ConfigureAwait(false);
            return;
        }

        await console.Out.WriteLineAsync(
            $"Apply: {result.Succeeded} succeeded, {result.Failed} failed, {result.Skipped} skipped.").ConfigureAwait(false);
        if (result.Failed == 0 && result.Skipped == 0)
        {
            return;
        }

        var next = cancelled
            ? "The apply was cancelled. Run plan to see what is left, then run apply again."
            : "Fix the causes of the failed changes above, then run apply again.";
        var journal = request.Options.JournalPath is null
            ? ""
            : $" The journal {request.Options.JournalPath} records every outcome.";
        await console.Out.WriteLineAsync(next + journal).ConfigureAwait(false);
    }

    /// <summary>
    /// Reads the workspace again and writes the invite links. Returns false after reporting a failure. A cancelled
    /// command stops without writing the file, because the read would send requests after the cancel.
    /// </summary>
    private static async Task<bool> TryWriteInvitesAsync(
        PlanningSession session, string path, ConsoleOutput console, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            WriteInvitesCancelled(path, console);
            return false;
        }

        try
        {
            var live = await session.ReadLiveAsync(cancellationToken).ConfigureAwait(false);
            var links = InviteLinks.Build(session.Manifest, live, session.Connection.MeetBaseAddress);
            await InviteFile.WriteAsync(path, links, cancellationToken).ConfigureAwait(false);
            var count = links.Count == 1 ? "1 invite link" : $"{links.Count} invite links";
            await console.Error.WriteLineAsync(
                $"Wrote {count} to {path}. The links contain access tokens, so keep the file private.")
                .ConfigureAwait(false);
            return true;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            WriteInvitesCancelled(path, console);
            return false;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            console.WriteError($"Cannot write the invite links to {path}: {exception.Message}");
            return false;
        }
        catch (Exception exception) when (
            ApiFailures.Describe(exception, session.Connection.ApiBaseAddress, cancellationToken) is { } message)
        {
            console.WriteError($"The invite links were not written, because reading the workspace failed. {message}");
            return false;
        }
    }

    private static void WriteInvitesCancelled(string path, ConsoleOutput console) =>
        console.WriteError($"The invite file {path} was not written, because the command was cancelled. Run apply "
            + $"again with --invites {path} to write it.");

    private sealed record ApplyRequest(
        string ManifestPath, CommonSettings Settings, ApplyOptions Options, string? InvitesPath, bool Json);
}
