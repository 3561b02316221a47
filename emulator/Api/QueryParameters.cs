using System.Globalization;

namespace Pagecall.Emulator.Api;

/// <summary>The window that <c>offset</c> and <c>limit</c> select from a list.</summary>
internal readonly record struct PageWindow(int Offset, int Limit)
{
    public const int DefaultLimit = 30;
    public const int MaxLimit = 100;

    /// <summary>
    /// Reads <c>offset</c> (default 0) and <c>limit</c> (default 30, above 100 clamped to 100).
    /// </summary>
    /// <exception cref="ApiException">A value is not an integer, is negative, or limit is 0 (400).</exception>
    public static PageWindow FromQuery(IQueryCollection query)
    {
        var offset = QueryParameters.OptionalInteger(query, "offset") ?? 0;
        if (offset < 0)
        {
            throw ApiErrors.Invalid("offset", $"The query parameter 'offset' must be 0 or more, not {offset}.");
        }

        var limit = QueryParameters.OptionalInteger(query, "limit") ?? DefaultLimit;
        if (limit < 1)
        {
            throw ApiErrors.Invalid("limit", $"The query parameter 'limit' must be 1 or more, not {limit}.");
        }

        return new PageWindow((int)Math.Min(offset, int.MaxValue), (int)Math.Min(limit, MaxLimit));
    }

    /// <summary>Returns this window of the already ordered items, with the paging object that describes it.</summary>
    public (List<T> Items, Paging Paging) Apply<T>(IReadOnlyCollection<T> ordered) =>
        (ordered.Skip(Offset).Take(Limit).ToList(), new Paging(Limit, Offset, ordered.Count));
}

/// <summary>Readers for query parameters; each error names the parameter.</summary>
internal static class QueryParameters
{
    public static long? OptionalInteger(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        var text = values.ToString();
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            throw ApiErrors.Invalid(name, $"The query parameter '{name}' must be an integer, not '{text}'.");
        }

        return value;
    }

    public static bool? OptionalBoolean(IQueryCollection query, string name)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        var text = values.ToString();
        return text.ToLowerInvariant() switch
        {
            "true" => true,
            "false" => false,
            _ => throw ApiErrors.Invalid(name, $"The query parameter '{name}' must be true or false, not '{text}'."),
        };
    }

    public static string? OptionalString(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) ? values.ToString() : null;

    /// <summary>
    /// Reads <c>sort_by</c>: <c>created_at</c> or <c>+created_at</c> for oldest first (the default) and
    /// <c>-created_at</c> for newest first. An unencoded '+' arrives as a space, so a leading space counts as '+'.
    /// </summary>
    public static bool NewestFirst(IQueryCollection query)
    {
        var value = OptionalString(query, "sort_by");
        return value switch
        {
            null or "created_at" or "+created_at" or " created_at" => false,
            "-created_at" => true,
            _ => throw ApiErrors.Invalid(
                "sort_by",
                $"The query parameter 'sort_by' must be '+created_at' or '-created_at', not '{value}'."),
        };
    }

    /// <summary>Orders items by creation time and then id, reversed when <paramref name="newestFirst"/> is set.</summary>
    public static List<T> OrderByCreation<T>(
        IEnumerable<T> items, Func<T, DateTime> createdAt, Func<T, string> id, bool newestFirst = false)
    {
        var ordered = items.OrderBy(createdAt).ThenBy(id, StringComparer.Ordinal).ToList();
        if (newestFirst)
        {
            ordered.Reverse();
        }

        return ordered;
    }
}
