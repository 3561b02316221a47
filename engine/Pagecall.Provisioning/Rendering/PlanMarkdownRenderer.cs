using System.Globalization;
using System.Text;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Rendering;

/// <summary>
/// Renders a plan as GitHub-flavoured Markdown for a pull request comment: the counts first, then the destructive
/// changes, then every change in a <c>diff</c> block, then the users and rooms left alone. Unchanged objects are
/// counted, not listed. The output stays within a size limit (<see cref="DefaultMaxCharacters"/> unless the
/// caller sets one), leaving out the changes that do not fit and saying how many.
/// </summary>
public static class PlanMarkdownRenderer
{
    /// <summary>Default size limit: GitHub rejects comment bodies longer than 65,536 characters.</summary>
    public const int DefaultMaxCharacters = 65_536;

    // Room for the closing fence and the truncation note, which are added after the budget check.
    private const int FooterReserve = 400;

    public static string Render(Plan plan, int maxCharacters = DefaultMaxCharacters)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 2 * FooterReserve);
        var leftAlone = LeftAloneSection(plan.Unmanaged, maxCharacters / 4);
        var budget = maxCharacters - FooterReserve - leftAlone.Length;
        var markdown = new StringBuilder();
        AppendHeader(markdown, plan);
        var changes = plan.Changes.Where(change => change.Action != ChangeAction.NoOp).ToList();
        var destructive = changes.Where(change => change.IsDestructive).ToList();
        var omitted = AppendDestructive(markdown, destructive, budget);
        if (changes.Count > 0 && omitted == 0)
        {
            omitted = AppendDiff(markdown, changes, budget);
        }
        else if (changes.Count > 0)
        {
            omitted = changes.Count;
        }

        markdown.Append(leftAlone);
        if (omitted > 0)
        {
            markdown.Append(string.Create(CultureInfo.InvariantCulture,
                $"\n_{omitted} of {changes.Count} changes are not shown, because a comment holds at most "
                + $"{maxCharacters:N0} characters. The JSON plan lists every change._\n"));
        }

        return markdown.ToString();
    }

    private static void AppendHeader(StringBuilder markdown, Plan plan)
    {
        markdown.Append($"### Pagecall plan for {CodeSpan(plan.ManifestFile)}\n\n");
        markdown.Append($"**{PlanVocabulary.SummaryLine(plan.Summary)}**");
        if (PlanVocabulary.UnchangedLine(plan.Summary) is { } unchanged)
        {
            markdown.Append(' ').Append(unchanged);
        }

        markdown.Append('\n');
        if (!plan.Summary.HasChanges)
        {
            markdown.Append("\nNo changes. The workspace matches the manifest.\n");
        }
    }

    /// <summary>
    /// Returns the section about the users and rooms left alone, or "" when there are none. It names them when
    /// there are at most <see cref="PlanVocabulary.MaxListedUnmanaged"/> and the names fit in
    /// <paramref name="maxLength"/> characters.
    /// </summary>
    private static string LeftAloneSection(UnmanagedObjects unmanaged, int maxLength)
    {
        if (PlanVocabulary.UnmanagedLine(unmanaged) is not { } line)
        {
            return "";
        }

        const string Heading = "Left alone:";
        var section = new StringBuilder($"\n**{Heading}**{line[Heading.Length..]}\n");
        var withoutNames = section + "\nThe JSON plan lists them under `unmanaged`.\n";
        if (unmanaged.Count > PlanVocabulary.MaxListedUnmanaged)
        {
            return withoutNames;
        }

        section.Append('\n');
        foreach (var entry in PlanVocabulary.UnmanagedEntries(unmanaged))
        {
            section.Append("- ").Append(CodeSpan(entry)).Append('\n');
        }

        return section.Length <= maxLength ? section.ToString() : withoutNames;
    }

    /// <summary>Lists the replaces and removals of users and rooms. Returns how many did not fit.</summary>
    private static int AppendDestructive(StringBuilder markdown, List<PlannedChange> destructive, int budget)
    {
        if (destructive.Count == 0)
        {
            return 0;
        }

        markdown.Append("\n**Destructive changes**, which need explicit consent to apply:\n\n");
        for (var index = 0; index < destructive.Count; index++)
        {
            var change = destructive[index];
            var line = $"- {PlanVocabulary.ActionName(change.Action)} {CodeSpan(change.Address)}\n";
            if (markdown.Length + line.Length > budget)
            {
                return destructive.Count - index;
            }

            markdown.Append(line);
        }

        return 0;
    }

    /// <summary>Writes the changes in a <c>diff</c> block as the text renderer does. Returns how many did not fit.</summary>
    private static int AppendDiff(StringBuilder markdown, List<PlannedChange> changes, int budget)
    {
        var lines = new List<string>(changes.Count);
        foreach (var change in changes)
        {
            var block = new StringBuilder();
            PlanTextRenderer.AppendChange(block, change, color: false);
            lines.Add(block.ToString());
        }

        var fence = Fence(lines);
        markdown.Append($"\n{fence}diff\n");
        var omitted = 0;
        for (var index = 0; index < lines.Count; index++)
        {
            if (markdown.Length + lines[index].Length + fence.Length + 1 > budget)
            {
                omitted = lines.Count - index;
                break;
            }

            markdown.Append(lines[index]);
        }

        markdown.Append(fence).Append('\n');
        return omitted;
    }

    /// <summary>Returns a backtick fence longer than any backtick run in the text, and at least three long.</summary>
    private static string Fence(IEnumerable<string> texts) =>
        new('`', Math.Max(3, texts.Select(LongestBacktickRun).DefaultIfEmpty(0).Max() + 1));

    /// <summary>Wraps text in a code span whose delimiter no backtick run inside can close.</summary>
    private static string CodeSpan(string text)
    {
        var delimiter = new string('`', LongestBacktickRun(text) + 1);
        var padding = text.StartsWith('`') || text.EndsWith('`') ? " " : "";
        return $"{delimiter}{padding}{text}{padding}{delimiter}";
    }

    private static int LongestBacktickRun(string text)
    {
        int longest = 0, current = 0;
        foreach (var character in text)
        {
            current = character == '`' ? current + 1 : 0;
            longest = Math.Max(longest, current);
        }

        return longest;
    }
}
