using System.Text;
using System.Text.Json;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Planning;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Cli;

/// <summary>
/// Renders the outcome of <c>apply --format json</c>, described in docs/plan-format.md: the plan as the JSON plan
/// renderer writes it, the outcome of each change, the changes blocked for lack of <c>--allow-destroy</c>, and the
/// counts.
/// </summary>
internal static class ApplyJsonRenderer
{
    /// <summary>The version of the apply summary format, which follows the versioning rule of the plan format.</summary>
    public const string FormatVersion = "1.0";

    public static string Render(Plan plan, ApplyResult result) =>
        Write(plan, result.Outcomes, result.BlockedDestructiveChanges, result.Succeeded, result.Failed, result.Skipped);

    /// <summary>Renders a run that sent no change, because destructive changes need <c>--allow-destroy</c>.</summary>
    public static string RenderBlocked(Plan plan, IReadOnlyList<PlannedChange> blocked) =>
        Write(plan, [], blocked, 0, 0, 0);

    private static string Write(
        Plan plan,
        IReadOnlyList<ChangeOutcome> outcomes,
        IReadOnlyList<PlannedChange> blocked,
        int succeeded,
        int failed,
        int skipped)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, PlanJsonRenderer.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("format_version", FormatVersion);
            writer.WriteBoolean("blocked", blocked.Count > 0);
            writer.WriteStartObject("summary");
            writer.WriteNumber("succeeded", succeeded);
            writer.WriteNumber("failed", failed);
            writer.WriteNumber("skipped", skipped);
            writer.WriteEndObject();
            WriteOutcomes(writer, outcomes);
            WriteBlocked(writer, blocked);
            writer.WritePropertyName("plan");
            PlanJsonRenderer.Write(plan, writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteOutcomes(Utf8JsonWriter writer, IReadOnlyList<ChangeOutcome> outcomes)
    {
        writer.WriteStartArray("outcomes");
        foreach (var outcome in outcomes)
        {
            writer.WriteStartObject();
            writer.WriteString("address", outcome.Change.Address);
            writer.WriteString("kind", PlanVocabulary.KindName(outcome.Change.Kind));
            writer.WriteString("action", PlanVocabulary.ActionName(outcome.Change.Action));
            writer.WriteString("status", ApplyProgressReporter.StatusName(outcome.Status));
            writer.WriteString("message", outcome.Message);
            writer.WriteString("live_id", outcome.LiveId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteBlocked(Utf8JsonWriter writer, IReadOnlyList<PlannedChange> blocked)
    {
        writer.WriteStartArray("blocked_changes");
        foreach (var change in blocked)
        {
            writer.WriteStartObject();
            writer.WriteString("address", change.Address);
            writer.WriteString("kind", PlanVocabulary.KindName(change.Kind));
            writer.WriteString("action", PlanVocabulary.ActionName(change.Action));
            writer.WriteString("reason", change.Reason);
            writer.WriteString("live_id", change.LiveId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }
}
