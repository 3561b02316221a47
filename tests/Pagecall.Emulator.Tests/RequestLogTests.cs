using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pagecall.Emulator.Tests;

public sealed class RequestLogTests
{
    [Fact]
    public async Task LogsOneLinePerRequestWithoutSecrets()
    {
        var sink = new ListLoggerProvider();
        string accessToken;
        await using (var emulator = await TestEmulator.StartAsync(logging: logging =>
        {
            logging.SetMinimumLevel(LogLevel.Trace);
            logging.AddProvider(sink);
        }))
        {
            var user = await emulator.Client.CreateUserAsync("logged");
            accessToken = user["access_token"].Text();
            var room = await emulator.Client.CreateRoomAsync("private", null, "logged");
            await emulator.Client.GetApiAsync("users?limit=5&offset=0");
            using var browser = new HttpClient();
            await browser.GetAsync(
                $"{emulator.Emulator.MeetAddress}?room_id={room["id"].Text()}&access_token={accessToken}",
                TestContext.Current.CancellationToken);
            await emulator.CreateClient("wrong-key-value").GetApiAsync("users");
        }

        var requestLines = sink.Entries.Where(entry => entry.Category == "Pagecall.Emulator.Requests").ToList();
        Assert.Contains(requestLines, entry => entry.Message.StartsWith("POST /v1/users 200 ", StringComparison.Ordinal));
        Assert.Contains(requestLines, entry => entry.Message.StartsWith("GET /v1/users 200 ", StringComparison.Ordinal));
        Assert.Contains(requestLines, entry => entry.Message.StartsWith("GET /meet 200 ", StringComparison.Ordinal));
        Assert.Contains(requestLines, entry => entry.Message.StartsWith("GET /v1/users 401 ", StringComparison.Ordinal));
        Assert.Equal(5, requestLines.Count);
        Assert.All(sink.Entries, entry =>
        {
            Assert.DoesNotContain("?", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(accessToken, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain(TestEmulator.ApiKey, entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("wrong-key-value", entry.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("Bearer", entry.Message, StringComparison.Ordinal);
        });
    }

    private sealed record LogEntry(string Category, LogLevel Level, string Message);

    /// <summary>Collects every log line of every category, with its exception text.</summary>
    private sealed class ListLoggerProvider : ILoggerProvider
    {
        private readonly ConcurrentQueue<LogEntry> _entries = new();

        public IReadOnlyList<LogEntry> Entries => [.. _entries];

        public ILogger CreateLogger(string categoryName) => new ListLogger(categoryName, _entries);

        public void Dispose()
        {
        }

        private sealed class ListLogger(string category, ConcurrentQueue<LogEntry> entries) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(
                LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                entries.Enqueue(new LogEntry(category, logLevel, formatter(state, exception) + exception));
            }
        }
    }
}
