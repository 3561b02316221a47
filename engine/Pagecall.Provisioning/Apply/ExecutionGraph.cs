using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>Turns a plan into work items and checks that their dependencies can be run in order.</summary>
internal static class ExecutionGraph
{
    /// <summary>
    /// Returns one work item per change to execute, in plan order. The member adds of a room that is created
    /// or replaced go into that room's item.
    /// </summary>
    /// <exception cref="ArgumentException">The plan has a repeated or invalid address, or dependencies that
    /// cannot be ordered.</exception>
    public static IReadOnlyList<WorkItem> Build(Plan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in plan.Changes)
        {
            if (!seen.Add(change.Address))
            {
                throw new ArgumentException($"The plan lists {change.Address} twice.", nameof(plan));
            }

            Parse(change.Address, nameof(plan));
        }

        var carriers = plan.Changes
            .Where(change => change.Kind == ResourceKind.Room && change.Action is ChangeAction.Create or ChangeAction.Replace)
            .Select(change => change.Address)
            .ToHashSet(StringComparer.Ordinal);
        var carried = plan.Changes
            .Where(change => change.Kind == ResourceKind.Member && change.Action == ChangeAction.Create)
            .Where(change => carriers.Contains(Parse(change.Address, nameof(plan)).RoomAddress!))
            .ToLookup(change => Parse(change.Address, nameof(plan)).RoomAddress!, StringComparer.Ordinal);
        var carriedAddresses = carried.SelectMany(group => group).Select(change => change.Address).ToHashSet(StringComparer.Ordinal);
        var items = plan.Changes
            .Where(change => change.Action != ChangeAction.NoOp && !carriedAddresses.Contains(change.Address))
            .Select(change => new WorkItem(change, carried[change.Address].ToList()))
            .ToList();
        CheckOrder(items);
        return items;
    }

    /// <summary>
    /// Returns the addresses whose completion <paramref name="item"/> waits for: its dependencies and those of
    /// the members it carries, less the item itself and what it carries.
    /// </summary>
    public static IEnumerable<string> Dependencies(WorkItem item)
    {
        var own = item.MembersWithRoom.Select(member => member.Address).Append(item.Change.Address)
            .ToHashSet(StringComparer.Ordinal);
        return item.MembersWithRoom.SelectMany(member => member.DependsOn)
            .Concat(item.Change.DependsOn)
            .Where(address => !own.Contains(address))
            .Distinct(StringComparer.Ordinal);
    }

    /// <summary>
    /// Rejects a dependency on a later kind (a user on a room, say), which the kind order would wait on forever,
    /// and a cycle among dependencies.
    /// </summary>
    private static void CheckOrder(IReadOnlyList<WorkItem> items)
    {
        var owner = new Dictionary<string, WorkItem>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            owner[item.Change.Address] = item;
            foreach (var member in item.MembersWithRoom)
            {
                owner[member.Address] = item;
            }
        }

        var state = new Dictionary<WorkItem, bool>(ReferenceEqualityComparer.Instance);
        foreach (var item in items)
        {
            Visit(item, owner, state, []);
        }
    }

    private static void Visit(
        WorkItem item, Dictionary<string, WorkItem> owner, Dictionary<WorkItem, bool> finished, List<string> path)
    {
        if (finished.TryGetValue(item, out var done))
        {
            if (!done)
            {
                throw new ArgumentException(
                    $"The plan's dependencies form a cycle: {string.Join(" -> ", path)} -> {item.Change.Address}.",
                    "plan");
            }

            return;
        }

        finished[item] = false;
        path.Add(item.Change.Address);
        foreach (var address in Dependencies(item))
        {
            if (!owner.TryGetValue(address, out var dependency))
            {
                continue;
            }

            if (dependency.Phase > item.Phase)
            {
                throw new ArgumentException(
                    $"{item.Change.Address} depends on {address}, but a {item.Change.Kind} change runs before every "
                    + $"{dependency.Change.Kind} change.", "plan");
            }

            Visit(dependency, owner, finished, path);
        }

        path.RemoveAt(path.Count - 1);
        finished[item] = true;
    }

    private static ChangeAddress Parse(string address, string parameter)
    {
        try
        {
            return ChangeAddress.Parse(address);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, parameter, exception);
        }
    }
}
