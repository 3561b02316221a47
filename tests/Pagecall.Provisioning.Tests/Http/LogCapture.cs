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

/// <summary>
/// Reads the emulator's one-line-per-request log, the count of requests that reached the server. The emulator
/// writes a line after it sends the response, so a client can see a response before its line exists:
/// <see cref="SettleAsync"/> waits for the lines of every finished request.
/// </summary>
public sealed class EmulatorRequestLog(LogCapture capture, Uri meetAddress)
{
    private const string Category = "Pagecall.Emulator.Requests";
    private const string FaultCategory = "Pagecall.Emulator.Hosting.FaultInjectionMiddleware";
    private const string MeetPath = "/meet";

    private int _markers;
    private int _skippedEntries;

    /// <summary>The /v1 requests logged so far, in the order the emulator finished them.</summary>
    public IReadOnlyList<EmulatorRequest> Requests => All().Where(request => request.Path != MeetPath).ToList();

    /// <summary>The writes that the emulator committed before it replaced their responses, as "METHOD path".</summary>
    public IReadOnlyList<string> LostWrites =>
        capture.Entries
            .Skip(_skippedEntries)
            .Where(entry => entry.Category == FaultCategory && entry.Values.ContainsKey("Mode"))
            .Select(entry => entry.Values["Method"] + " " + entry.Values["Path"])
            .ToList();

    /// <summary>Leaves out every entry logged so far, so later reads see only what comes after.</summary>
    public void Reset()
    {
        _markers = 0;
        _skippedEntries = capture.Entries.Count;
    }

    /// <summary>Returns the logged requests whose method and path match.</summary>
    public IReadOnlyList<EmulatorRequest> For(string method, string path) =>
        Requests.Where(request => request.Method == method && request.Path == path).ToList();

    /// <summary>
    /// Waits until at least <paramref name="count"/> requests with this method and path are logged. A request whose
    /// connection the emulator dropped can be logged after the client has seen the error, and so after a marker.
    /// </summary>
    public async Task WaitForAsync(string method, string path, int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (For(method, path).Count < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"The emulator did not log {count} {method} {path} within 30 seconds.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    /// <summary>
    /// Sends a marker request to the join check, which takes no fault draws, and waits for its line. The lines of
    /// requests that got their response before the marker was sent are then in the log.
    /// </summary>
    public async Task SettleAsync()
    {
        var expected = Interlocked.Increment(ref _markers);
        using (var http = new HttpClient())
        {
            using var response = await http.GetAsync(meetAddress, TestContext.Current.CancellationToken);
        }

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (All().Count(request => request.Path == MeetPath) < expected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The emulator did not log the marker request within 30 seconds.");
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }
    }

    private List<EmulatorRequest> All() =>
        capture.Entries
            .Skip(_skippedEntries)
            .Where(entry => entry.Category == Category)
            .Select(entry => new EmulatorRequest(
                entry.Values["Method"],
                entry.Values["Path"],
                entry.Values.TryGetValue("StatusCode", out var status)
                    ? int.Parse(status, System.Globalization.CultureInfo.InvariantCulture)
                    : null))
            .ToList();
}
