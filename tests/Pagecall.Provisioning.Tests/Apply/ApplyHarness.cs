using System.Collections.Concurrent;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Tests.Apply;

/// <summary>
/// An in-process emulator on a loopback port, the generated client over real HTTP, and the emulator's request
/// log and the applier's log captured for assertions.
/// </summary>
internal sealed class ApplyHarness : IAsyncDisposable
{
    public const string ApiKey = "apply-test-key-0123456789";

    private const string RequestLogCategory = "Pagecall.Emulator.Requests";

    private ApplyHarness(PagecallEmulator emulator, LogSink emulatorLog)
    {
        Emulator = emulator;
        EmulatorLog = emulatorLog;
        Http = new HttpClient { BaseAddress = emulator.ApiBaseAddress };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        Client = new PagecallClient(Http);
    }

    public PagecallEmulator Emulator { get; }

    public HttpClient Http { get; }

    public PagecallClient Client { get; }

    /// <summary>Every line the emulator logged.</summary>
    public LogSink EmulatorLog { get; }

    /// <summary>Every line the applier logged.</summary>
    public LogSink ApplierLog { get; } = new();

    public static async Task<ApplyHarness> StartAsync()
    {
        var sink = new LogSink();
        var emulator = await PagecallEmulator.StartAsync(new EmulatorOptions
        {
            ApiKeys = [ApiKey],
            ConfigureLogging = logging =>
            {
                logging.SetMinimumLevel(LogLevel.Information);
                logging.AddProvider(sink);
            },
        });
        return new ApplyHarness(emulator, sink);
    }

    public static ManifestLoadResult Load(string yaml)
    {
        var loaded = ManifestLoader.Parse(yaml, "workspace.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded;
    }

    public Task<LiveWorkspace> ReadAsync(ManifestLoadResult loaded) =>
        new LiveWorkspaceReader(Client).ReadAsync(loaded.Manifest!, TestContext.Current.CancellationToken);

    /// <summary>Reads the workspace and plans <paramref name="loaded"/> against it.</summary>
    public async Task<(Plan Plan, LiveWorkspace Live)> PlanAsync(ManifestLoadResult loaded)
    {
        var live = await ReadAsync(loaded);
        var planned = Planner.Compute(loaded, live);
        Assert.True(planned.Succeeded, string.Join(Environment.NewLine, planned.Errors));
        return (planned.Plan, live);
    }

    public Applier CreateApplier() => new(Client, ApplierLog.CreateLogger<Applier>());

    /// <summary>Plans <paramref name="yaml"/> against the workspace and applies the plan.</summary>
    public async Task<ApplyResult> ApplyAsync(string yaml, ApplyOptions? options = null)
    {
        var (plan, live) = await PlanAsync(Load(yaml));
        return await CreateApplier().ApplyAsync(
            plan, live, options ?? new ApplyOptions(), cancellationToken: TestContext.Current.CancellationToken);
    }

    /// <summary>
    /// Returns the request lines the emulator logged, such as <c>POST /v1/rooms 200 3 ms (request …)</c>. The
    /// emulator logs a line after it sends the response, so this first sends a marker request and waits for its
    /// line, which makes the lines of every earlier finished request visible.
    /// </summary>
    public async Task<IReadOnlyList<string>> RequestLinesAsync()
    {
        using var response = await Http.GetAsync("users?limit=1", TestContext.Current.CancellationToken);
        var requestId = response.Headers.GetValues("X-Request-Id").Single();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!EmulatorLog.Lines.Any(line => line.Contains(requestId, StringComparison.Ordinal)))
        {
            Assert.True(DateTime.UtcNow < deadline, "The emulator did not log the marker request within 30 seconds.");
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }

        return EmulatorLog.Lines
            .Where(line => line.StartsWith(RequestLogCategory + ": ", StringComparison.Ordinal))
            .Select(line => line[(RequestLogCategory.Length + 2)..])
            .Where(line => !line.Contains(requestId, StringComparison.Ordinal))
            .ToList();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Emulator.DisposeAsync();
    }
}

/// <summary>Collects formatted log lines, as <c>category: message</c> followed by any exception text.</summary>
internal sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyList<string> Lines => [.. _lines];

    public ILogger CreateLogger(string categoryName) => new SinkLogger(categoryName, _lines);

    public ILogger<T> CreateLogger<T>() => new TypedLogger<T>(CreateLogger(typeof(T).FullName!));

    public void Dispose()
    {
    }

    private sealed class SinkLogger(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            var text = $"{category}: {formatter(state, exception)}";
            lines.Enqueue(exception is null ? text : $"{text}{Environment.NewLine}{exception}");
        }
    }

    private sealed class TypedLogger<T>(ILogger inner) : ILogger<T>
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => inner.BeginScope(state);

        public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter) => inner.Log(logLevel, eventId, state, exception, formatter);
    }
}
