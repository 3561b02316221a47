namespace Pagecall.Provisioning.Manifest;

/// <summary>"Did you mean" suggestions based on optimal string alignment edit distance, ignoring case.</summary>
internal static class Suggestions
{
    /// <summary>
    /// Returns the candidate closest to <paramref name="text"/>, or null when none is close. A candidate is close
    /// when at most a third of its characters (and at least one) must change; this is a heuristic threshold.
    /// </summary>
    public static string? Closest(string text, IEnumerable<string> candidates)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var threshold = Math.Max(1, candidate.Length / 3);
            if (Math.Abs(candidate.Length - text.Length) > threshold)
            {
                continue;
            }

            var distance = EditDistance(text.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (distance <= threshold && distance < bestDistance)
            {
                best = candidate;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>
    /// Returns the optimal string alignment distance: insertions, deletions, substitutions and swaps of two
    /// adjacent characters each cost 1, so "hots" is one edit from "host".
    /// </summary>
    public static int EditDistance(string source, string target)
    {
        var distances = new int[source.Length + 1, target.Length + 1];
        for (var i = 0; i <= source.Length; i++)
        {
            distances[i, 0] = i;
        }

        for (var j = 0; j <= target.Length; j++)
        {
            distances[0, j] = j;
        }

        for (var i = 1; i <= source.Length; i++)
        {
            for (var j = 1; j <= target.Length; j++)
            {
                var cost = source[i - 1] == target[j - 1] ? 0 : 1;
                var insertOrDelete = Math.Min(distances[i - 1, j], distances[i, j - 1]) + 1;
                var best = Math.Min(distances[i - 1, j - 1] + cost, insertOrDelete);
                if (i > 1 && j > 1 && source[i - 1] == target[j - 2] && source[i - 2] == target[j - 1])
                {
                    best = Math.Min(best, distances[i - 2, j - 2] + 1);
                }

                distances[i, j] = best;
            }
        }

        return distances[source.Length, target.Length];
    }
}
