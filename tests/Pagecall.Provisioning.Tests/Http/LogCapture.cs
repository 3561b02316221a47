using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>One captured log entry: the formatted message and every structured value, as text.</summary>
public sealed record CapturedLog(
    string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, string> Values, string? Exception)
{
    /// <summary>Returns every text the entry carries, for checks that a secret appears nowhere.</summary>
    public IEnumerable<string> AllText()
    {
        yield return Message;
        foreach (var (key, value) in Values)
        {
            yield return key;
            yield return value;
        }

        if (Exception is not null)
        {
            yield return Exception;
        }
    }
}

/// <summary>A logger provider that keeps every entry of every category and level in memory.</summary>
public sealed class LogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();

    public IReadOnlyList<CapturedLog> Entries => _entries.ToArray();

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class CapturingLogger(string category, ConcurrentQueue<CapturedLog> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new Dictionary<string, string>(StringComparer.Ordinal);
            if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
            {
                foreach (var (key, value) in pairs)
                {
                    values[key] = Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
                }
            }

            entries.Enqueue(new CapturedLog(category, logLevel, formatter(state, exception), values, exception?.ToString()));
        }
    }
}

/// <summary>One request as the emulator's request log records it.</summary>
public sealed record EmulatorRequest(string Method, string Path, int? StatusCode);

/// <summary>Reads the emulator's one-line-per-request log, the count of requests that reached the server.</summary>
public sealed class EmulatorRequestLog(LogCapture capture)
{
    private const string Category = "Pagecall.Emulator.Requests";

    public IReadOnlyList<EmulatorRequest> Requests =>
        capture.Entries
            .Where(entry => entry.Category == Category)
            .Select(entry => new EmulatorRequest(
                entry.Values["Method"],
                entry.Values["Path"],
                entry.Values.TryGetValue("StatusCode", out var status) ? int.Parse(status, System.Globalization.CultureInfo.InvariantCulture) : null))
            .ToList();

    /// <summary>Returns the requests whose method and path match.</summary>
    public IReadOnlyList<EmulatorRequest> For(string method, string path) =>
        Requests.Where(request => request.Method == method && request.Path == path).ToList();

    /// <summary>Waits until the log has at least <paramref name="count"/> requests; fails after a generous limit.</summary>
    public async Task WaitForCountAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Requests.Count < count)
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"The emulator logged {Requests.Count} requests, not {count}, within 30 seconds.");
            }

            await Task.Delay(10, TestContext.Current.CancellationToken);
        }
    }
}
