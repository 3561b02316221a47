using Pagecall.Emulator;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>The fault mix of the chaos tests.</summary>
internal static class ChaosFaults
{
    /// <summary>
    /// Returns faults where 10% of requests get 500 or 503, 5% get 429, and 2% of the other writes commit and
    /// then get 500, drawn from <paramref name="seed"/>.
    /// </summary>
    public static FaultOptions Mix(int seed) => new()
    {
        Seed = seed,
        ErrorRate = 0.10,
        ThrottleRate = 0.05,
        LostWriteRate = 0.02,
    };
}
