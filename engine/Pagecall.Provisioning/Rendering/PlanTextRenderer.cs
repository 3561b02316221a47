using System.Text;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Rendering;

/// <summary>Settings of <see cref="PlanTextRenderer"/>.</summary>
/// <param name="Color">Whether to add ANSI colour codes. The caller decides: only on a terminal, and only when
/// <c>NO_COLOR</c> is unset.</param>
/// <param name="ListAllUnmanaged">Whether to list every user and room left alone by name. Without it they are
/// listed only when there are at most <see cref="PlanVocabulary.MaxListedUnmanaged"/>.</param>
public sealed record PlanTextOptions(bool Color = false, bool ListAllUnmanaged = false);

/// <summary>
/// Renders a plan for a terminal: one line per change with its symbol, address, live id and reason, then its
/// fields, then the users and rooms left alone, then the summary line. Unchanged objects are counted, not listed.
/// Sensitive values are masked.
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
        AppendUnmanaged(text, plan.Unmanaged, options.ListAllUnmanaged);
        if (PlanVocabulary.UnchangedLine(plan.Summary) is { } unchanged)
        {
            text.Append(unchanged).Append('\n');
        }

        text.Append(PlanVocabulary.SummaryLine(plan.Summary)).Append('\n');
        return text.ToString();
    }

    /// <summary>Appends the line about the users and rooms left alone, their names and a blank line, if any.</summary>
    private static void AppendUnmanaged(StringBuilder text, UnmanagedObjects unmanaged, bool listAll)
    {
        if (PlanVocabulary.UnmanagedLine(unmanaged) is not { } line)
        {
            return;
        }

        text.Append(line).Append('\n');
        if (listAll || unmanaged.Count <= PlanVocabulary.MaxListedUnmanaged)
        {
            foreach (var entry in PlanVocabulary.UnmanagedEntries(unmanaged))
            {
                text.Append("    ").Append(entry).Append('\n');
            }
        }
        else
        {
            text.Append("    Add --verbose to list them, or read \"unmanaged\" in the JSON plan.\n");
        }

        text.Append('\n');
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
