namespace Pagecall.Provisioning.Tests.Http;

/// <summary>
/// Finds emulator seeds that give a chosen sequence of injected errors. The emulator documents its draws: every
/// /v1 request takes four values from <c>new Random(seed)</c> (delay, error, error status, lost write); the error
/// draw fails the request when it is below the error rate, and the status draw picks 500 below 0.5, else 503.
/// </summary>
internal static class FaultSeeds
{
    /// <summary>
    /// Returns the smallest seed whose first requests fail with <paramref name="statuses"/> in order, where null
    /// means the request runs normally.
    /// </summary>
    public static int Find(double errorRate, params int?[] statuses)
    {
        for (var seed = 1; seed < 100_000; seed++)
        {
            var random = new Random(seed);
            var matches = true;
            foreach (var expected in statuses)
            {
                random.NextDouble();
                var error = random.NextDouble();
                var status = random.NextDouble();
                random.NextDouble();
                int? actual = null;
                if (error < errorRate)
                {
                    actual = status < 0.5 ? 500 : 503;
                }

                if (actual != expected)
                {
                    matches = false;
                    break;
                }
            }

            if (matches)
            {
                return seed;
            }
        }

        throw new InvalidOperationException($"No seed below 100000 gives {string.Join(", ", statuses)}.");
    }

    /// <summary>
    /// Returns the smallest seed whose first writes lose their responses as <paramref name="lost"/> lists, with no
    /// error rate set.
    /// </summary>
    public static int FindLostWrites(double lostWriteRate, params bool[] lost)
    {
        for (var seed = 1; seed < 100_000; seed++)
        {
            var random = new Random(seed);
            var matches = true;
            foreach (var expected in lost)
            {
                random.NextDouble();
                random.NextDouble();
                random.NextDouble();
                if (random.NextDouble() < lostWriteRate != expected)
                {
                    matches = false;
                    break;
                }
            }

            if (matches)
            {
                return seed;
            }
        }

        throw new InvalidOperationException($"No seed below 100000 gives {string.Join(", ", lost)}.");
    }
}
