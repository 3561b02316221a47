using System.Globalization;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Rendering;

/// <summary>The symbols, names and value forms that every plan renderer shares.</summary>
public static class PlanVocabulary
{
    /// <summary>The text that stands for a sensitive value in every output.</summary>
    public const string SensitiveMask = "(sensitive)";

    /// <summary>The text that stands for a missing value.</summary>
    public const string NoValue = "(none)";

    /// <summary>Returns the symbol of an action: <c>+</c>, <c>~</c>, <c>-/+</c>, <c>-</c>, or a space for no change.</summary>
    public static string Symbol(ChangeAction action) => action switch
    {
        ChangeAction.Create => "+",
        ChangeAction.Update => "~",
        ChangeAction.Replace => "-/+",
        ChangeAction.Delete => "-",
        _ => " ",
    };

    /// <summary>Returns the name of an action in the JSON plan: <c>create</c>, <c>update</c>, <c>replace</c>,
    /// <c>delete</c> or <c>no-op</c>.</summary>
    public static string ActionName(ChangeAction action) => action switch
    {
        ChangeAction.Create => "create",
        ChangeAction.Update => "update",
        ChangeAction.Replace => "replace",
        ChangeAction.Delete => "delete",
        _ => "no-op",
    };

    public static string KindName(ResourceKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>Returns the summary line, such as "Plan: 3 to create, 1 to update, 0 to replace, 1 to remove."</summary>
    public static string SummaryLine(PlanSummary summary) => string.Create(CultureInfo.InvariantCulture,
        $"Plan: {summary.ToCreate} to create, {summary.ToUpdate} to update, {summary.ToReplace} to replace, "
        + $"{summary.ToRemove} to remove.");

    /// <summary>Returns "1 object unchanged." or "N objects unchanged.", or null when every object changes.</summary>
    public static string? UnchangedLine(PlanSummary summary) => summary.Unchanged switch
    {
        0 => null,
        1 => "1 object unchanged.",
        var count => string.Create(CultureInfo.InvariantCulture, $"{count} objects unchanged."),
    };

    /// <summary>
    /// The maximum number of users and rooms left alone that the text and Markdown plans list by name by default.
    /// Above it they give only the counts.
    /// </summary>
    public const int MaxListedUnmanaged = 10;

    /// <summary>
    /// Returns the line about the users and rooms that the manifest does not declare, such as "Left alone: 1 live
    /// room and 3 live users are not in the manifest (pagecall-provision never removes them).", or null when there
    /// are none.
    /// </summary>
    public static string? UnmanagedLine(UnmanagedObjects unmanaged)
    {
        ArgumentNullException.ThrowIfNull(unmanaged);
        if (unmanaged.Count == 0)
        {
            return null;
        }

        var counts = new List<string>(2);
        if (unmanaged.Rooms.Count > 0)
        {
            counts.Add(CountOf(unmanaged.Rooms.Count, "live room"));
        }

        if (unmanaged.UserIds.Count > 0)
        {
            counts.Add(CountOf(unmanaged.UserIds.Count, "live user"));
        }

        var (verb, pronoun) = unmanaged.Count == 1 ? ("is", "it") : ("are", "them");
        return $"Left alone: {string.Join(" and ", counts)} {verb} not in the manifest "
            + $"(pagecall-provision never removes {pronoun}).";
    }

    /// <summary>
    /// Returns one entry per room and user left alone, rooms first: <c>room["Old"] (ROOM_ID)</c> and
    /// <c>user["carol"]</c>. Keys are quoted as in change addresses, so live names cannot break a line.
    /// </summary>
    public static IEnumerable<string> UnmanagedEntries(UnmanagedObjects unmanaged)
    {
        ArgumentNullException.ThrowIfNull(unmanaged);
        foreach (var room in unmanaged.Rooms)
        {
            // The id is escaped as a key is, without the quotes, because it is live data too.
            yield return $"{Addresses.Room(room.Name)} ({Addresses.Quote(room.Id)[1..^1]})";
        }

        foreach (var userId in unmanaged.UserIds)
        {
            yield return Addresses.User(userId);
        }
    }

    private static string CountOf(int count, string noun) => count == 1
        ? $"1 {noun}"
        : string.Create(CultureInfo.InvariantCulture, $"{count} {noun}s");

    /// <summary>
    /// Formats one value for people: the mask when sensitive, <c>(none)</c> when null, strings as JSON strings
    /// (so control characters are escaped), booleans and integers bare.
    /// </summary>
    public static string FormatValue(string? value, FieldChange field)
    {
        if (field.Sensitive)
        {
            return SensitiveMask;
        }

        if (value is null)
        {
            return NoValue;
        }

        return field.Type == FieldType.String ? Addresses.Quote(value) : value;
    }

    /// <summary>
    /// Formats a field for people: <c>name: "Ann" -> "Ann Lee"</c> when it changes, <c>name: "Ann"</c> when it is
    /// set on a new object or keeps its value.
    /// </summary>
    public static string FormatField(FieldChange field, ChangeAction action)
    {
        var after = FormatValue(field.After, field);
        var text = action switch
        {
            ChangeAction.Create => $"{field.Field}: {after}",
            ChangeAction.Delete => $"{field.Field}: {FormatValue(field.Before, field)}",
            _ when !field.IsChanged => $"{field.Field}: {after}",
            _ when field.Sensitive => $"{field.Field}: {SensitiveMask} (changed)",
            _ => $"{field.Field}: {FormatValue(field.Before, field)} -> {after}",
        };
        return field.ForcesReplacement && field.IsChanged && action == ChangeAction.Replace
            ? text + " (forces replacement)"
            : text;
    }
}
