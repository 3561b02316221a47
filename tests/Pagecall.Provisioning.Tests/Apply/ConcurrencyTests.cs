using System.Reflection;
using Pagecall.Api;
using Pagecall.Provisioning.Apply;

namespace Pagecall.Provisioning.Tests.Apply;

public sealed class ConcurrencyTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public async Task InFlightRequestsStayWithinParallelism(int parallelism)
    {
        await using var harness = await ApplyHarness.StartAsync();
        var yaml = "version: 1\nusers:\n"
            + string.Concat(Enumerable.Range(1, 12).Select(index => $"  - {{ user_id: user-{index}, name: User {index} }}\n"));
        var (plan, live) = await harness.PlanAsync(ApplyHarness.Load(yaml));

        // Latency keeps each request in flight long enough for others to start beside it.
        harness.Emulator.Faults = new Emulator.FaultOptions { LatencyMinMilliseconds = 20, LatencyMaxMilliseconds = 40 };
        var counter = InFlightCounter.Wrap(harness.Client);
        var result = await new Applier(counter.Client).ApplyAsync(
            plan, live, new ApplyOptions { Parallelism = parallelism }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(12, result.Succeeded);
        Assert.Equal(12, counter.Calls);
        Assert.InRange(counter.MaxInFlight, 1, parallelism);
        if (parallelism > 1)
        {
            // Twelve independent creates are ready at once, so more than one starts before the first returns.
            Assert.True(counter.MaxInFlight > 1, $"At most {counter.MaxInFlight} request was in flight.");
        }
    }

    /// <summary>
    /// Forwards every call to the real generated client and counts how many run at once. It changes no request
    /// and no response.
    /// </summary>
    private class InFlightCounter : DispatchProxy
    {
        private IPagecallClient _inner = null!;
        private int _inFlight;
        private int _maxInFlight;
        private int _calls;

        public IPagecallClient Client { get; private set; } = null!;

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public int Calls => Volatile.Read(ref _calls);

        public static InFlightCounter Wrap(IPagecallClient inner)
        {
            var client = Create<IPagecallClient, InFlightCounter>();
            var counter = (InFlightCounter)(object)client;
            counter._inner = inner;
            counter.Client = client;
            return counter;
        }

        protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
        {
            Interlocked.Increment(ref _calls);
            var now = Interlocked.Increment(ref _inFlight);
            int seen;
            while (now > (seen = Volatile.Read(ref _maxInFlight)))
            {
                Interlocked.CompareExchange(ref _maxInFlight, now, seen);
            }

            var task = targetMethod!.Invoke(_inner, args)!;
            var resultType = targetMethod.ReturnType.GetGenericArguments()[0];
            return typeof(InFlightCounter).GetMethod(nameof(TrackAsync), BindingFlags.NonPublic | BindingFlags.Instance)!
                .MakeGenericMethod(resultType)
                .Invoke(this, [task]);
        }

        // The count drops before the caller sees the result, so the caller's next request cannot be counted
        // while this one still is.
        private async Task<T> TrackAsync<T>(Task<T> task)
        {
            try
            {
                return await task;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }
    }
}
