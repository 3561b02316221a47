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
    public static int Find(double errorRate, params int?[] statuses) =>
        FindSeed(statuses, (random, expected) =>
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

            return actual == expected;
        });

    /// <summary>
    /// Returns the smallest seed whose first writes lose their responses as <paramref name="lost"/> lists, with no
    /// error rate set.
    /// </summary>
    public static int FindLostWrites(double lostWriteRate, params bool[] lost) =>
        FindSeed(lost, (random, expected) =>
        {
            random.NextDouble();
            random.NextDouble();
            random.NextDouble();
            return random.NextDouble() < lostWriteRate == expected;
        });

    /// <summary>
    /// Returns the smallest seed whose first requests are throttled with 429 as <paramref name="throttled"/> lists,
    /// with no error rate set. A request is throttled when its error draw is below the throttle rate.
    /// </summary>
    public static int FindThrottled(double throttleRate, params bool[] throttled) =>
        FindSeed(throttled, (random, expected) =>
        {
            random.NextDouble();
            var error = random.NextDouble();
            random.NextDouble();
            random.NextDouble();
            return error < throttleRate == expected;
        });

    /// <summary>
    /// Returns the smallest seed below 100000 for which <paramref name="drawMatches"/> accepts the draws of each
    /// request in turn. It takes one request's four draws and compares them with that request's expected outcome.
    /// </summary>
    private static int FindSeed<T>(IReadOnlyList<T> expected, Func<Random, T, bool> drawMatches)
    {
        for (var seed = 1; seed < 100_000; seed++)
        {
            var random = new Random(seed);
            if (expected.All(outcome => drawMatches(random, outcome)))
            {
                return seed;
            }
        }

        throw new InvalidOperationException($"No seed below 100000 gives {string.Join(", ", expected)}.");
    }
}
