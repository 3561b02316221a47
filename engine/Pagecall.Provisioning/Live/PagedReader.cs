using System.Globalization;
using Pagecall.Api;

namespace Pagecall.Provisioning.Live;

/// <summary>One page of a list: its items and the paging block, which the members list may leave out.</summary>
internal readonly record struct Page<T>(IList<T> Items, Paging? Paging);

/// <summary>
/// Reads every page of a list and checks that the pages add up. With <c>paging.total</c>, it reads until the
/// total is reached and fails when the count differs, the total moves, or an item repeats. Without a total, it
/// reads until an empty page and fails when an item repeats, which is also how a server that ignores
/// <c>offset</c> shows itself.
/// </summary>
internal static class PagedReader
{
    public static async Task<List<T>> ReadAllAsync<T>(
        string list,
        int pageSize,
        Func<int, int, CancellationToken, Task<Page<T>>> readPage,
        Func<T, string> key,
        CancellationToken cancellationToken)
    {
        var items = new List<T>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        long? total = null;
        while (true)
        {
            var page = await readPage(items.Count, pageSize, cancellationToken).ConfigureAwait(false);
            total = CheckTotal(list, items.Count, total, page.Paging);
            foreach (var item in page.Items)
            {
                if (!seen.Add(key(item)))
                {
                    throw new IncompleteReadException(list, items.Count, total,
                        $"item {key(item)} appeared on two pages, so the list changed while it was read.");
                }

                items.Add(item);
            }

            if (page.Items.Count == 0 || items.Count >= total)
            {
                break;
            }
        }

        CheckCount(list, items.Count, total);
        return items;
    }

    private static long? CheckTotal(string list, int itemsRead, long? previous, Paging? paging)
    {
        if (paging is null)
        {
            return previous;
        }

        if (previous is not null && previous != paging.Total)
        {
            throw new IncompleteReadException(list, itemsRead, previous,
                $"paging.total changed from {previous} to {paging.Total} between pages.");
        }

        return paging.Total;
    }

    private static void CheckCount(string list, int itemsRead, long? total)
    {
        if (total is not null && itemsRead != total)
        {
            var count = itemsRead.ToString(CultureInfo.InvariantCulture);
            throw new IncompleteReadException(list, itemsRead, total,
                $"{count} items were read, but paging.total is {total}.");
        }
    }
}
