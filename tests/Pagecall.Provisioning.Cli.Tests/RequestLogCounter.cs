using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// A logging provider for an in-process emulator that counts the requests of its request log that match a filter,
/// and cancels <see cref="ThresholdReached"/> when the count reaches the threshold.
/// </summary>
internal sealed class RequestLogCounter(Func<string, bool> filter, int threshold) : ILoggerProvider, ILogger
{
    private const string RequestCategory = "Pagecall.Emulator.Requests";
    private static readonly string[] s_writePrefixes = ["POST /v1/", "PUT /v1/", "DELETE /v1/"];

    private readonly CancellationTokenSource _thresholdReached = new();
    private int _count;

    /// <summary>Number of matching requests logged so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public CancellationToken ThresholdReached => _thresholdReached.Token;

    /// <summary>Creates a counter of every request, to /v1 and /meet alike, with no threshold.</summary>
    public static RequestLogCounter All() => new(_ => true, int.MaxValue);

    /// <summary>Creates a counter of POST, PUT and DELETE requests to /v1.</summary>
    public static RequestLogCounter Writes(int threshold) =>
        new(message => s_writePrefixes.Any(prefix => message.StartsWith(prefix, StringComparison.Ordinal)), threshold);

    public ILogger CreateLogger(string categoryName) =>
        categoryName == RequestCategory ? this : NullLogger.Instance;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(
        LogLevel logLevel, EventId eventId, TState state, Exception? exception,
        Func<TState, Exception?, string> formatter)
    {
        if (filter(formatter(state, exception)) && Interlocked.Increment(ref _count) == threshold)
        {
            _thresholdReached.Cancel();
        }
    }

    public void Dispose() => _thresholdReached.Dispose();
}
