using System.Text;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Rendering;

/// <summary>Settings of <see cref="PlanTextRenderer"/>.</summary>
/// <param name="Color">Whether to add ANSI colour codes. The caller decides: only on a terminal, and only when
/// <c>NO_COLOR</c> is unset.</param>
public sealed record PlanTextOptions(bool Color = false);

/// <summary>
/// Renders a plan for a terminal: one line per change with its symbol, address, live id and reason, then its
/// fields, then the summary line. Unchanged objects are counted, not listed. Sensitive values are masked.
/// </summary>
public static class PlanTextRenderer
{
    private const string Reset = "\u001b[0m";

    public static string Render(Plan plan, PlanTextOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(plan);
        options ??= new PlanTextOptions();
        var text = new StringBuilder();
        var changes = plan.Changes.Where(change => change.Action != ChangeAction.NoOp).ToList();
        if (changes.Count == 0)
        {
            text.Append($"No changes. The workspace matches {plan.ManifestFile}.\n");
        }

        foreach (var change in changes)
        {
            AppendChange(text, change, options.Color);
        }

        text.Append('\n');
        if (PlanVocabulary.UnchangedLine(plan.Summary) is { } unchanged)
        {
            text.Append(unchanged).Append('\n');
        }

        text.Append(PlanVocabulary.SummaryLine(plan.Summary)).Append('\n');
        return text.ToString();
    }

    /// <summary>Appends the line of one change and the lines of its fields, each ending in '\n'.</summary>
    internal static void AppendChange(StringBuilder text, PlannedChange change, bool color)
    {
        var symbol = PlanVocabulary.Symbol(change.Action);
        var id = change.LiveId is null ? "" : $" ({change.LiveId})";
        var head = color ? $"{Colour(change.Action)}{symbol}{Reset}" : symbol;
        text.Append($"{head} {change.Address}{id}: {change.Reason}\n");
        foreach (var field in change.Fields)
        {
            text.Append("    ").Append(PlanVocabulary.FormatField(field, change.Action)).Append('\n');
        }
    }

    private static string Colour(ChangeAction action) => action switch
    {
        ChangeAction.Create => "\u001b[32m",
        ChangeAction.Update => "\u001b[33m",
        ChangeAction.Replace => "\u001b[35m",
        ChangeAction.Delete => "\u001b[31m",
        _ => "",
    };
}
