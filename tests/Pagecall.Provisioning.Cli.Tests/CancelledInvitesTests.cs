using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Apply cancelled with SIGTERM after every change succeeded, while it reads the workspace again for the invite
/// file. The emulator delays that read until the CLI exits, so the signal always arrives during it.
/// </summary>
public sealed class CancelledInvitesTests : IDisposable
{
    private const string ApiKey = "cancelled-invites-key-5d1e";

    /// <summary>Two users and a room, created by three POST requests because the room call adds its members.</summary>
    private const string Manifest = """
        version: 1
        users:
          - user_id: ann
          - user_id: bob
        rooms:
          - name: Demo
            type: private
            members:
              - user_id: ann
                type: host
              - user_id: bob
                type: guest
        """;

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task CancelDuringInviteReadExplains()
    {
        var manifest = _folder.Write("workspace.yaml", Manifest);
        using var gate = new ReadAfterWritesGate(writes: 3);
        CliResult result;
        await using (var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions
            {
                ApiKeys = [ApiKey],
                ConfigureLogging = logging => logging
                    .AddFilter(ReadAfterWritesGate.RequestStartCategory, LogLevel.Information)
                    .AddProvider(gate),
            },
            TestContext.Current.CancellationToken))
        {
            result = await CliProcess.RunAsync(
                _folder.Path,
                new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
                gate.ReadHeld,
                Signal.Terminate,
                "apply", manifest, "--api-url", emulator.ApiBaseAddress.ToString(), "--invites", "invites.csv");
            gate.Release();
        }

        Assert.True(gate.ReadHeld.IsCancellationRequested, result.ToString());
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Apply: 5 succeeded, 0 failed, 0 skipped.", result.Output);
        Assert.Contains(
            "error: The invite file invites.csv was not written, because the command was cancelled. Run apply again "
                + "with --invites invites.csv to write it.",
            result.Error);
        Assert.DoesNotContain("Run plan to see what is left", result.Error);
        Assert.False(File.Exists(Path.Combine(_folder.Path, "invites.csv")));
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// A logging provider that watches ASP.NET Core's request-start lines. After the given number of POST requests
    /// has started, it blocks the next GET inside the log call, which delays that request before the emulator
    /// handles it, and cancels <see cref="ReadHeld"/>.
    /// </summary>
    private sealed class ReadAfterWritesGate(int writes) : ILoggerProvider, ILogger
    {
        public const string RequestStartCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

        private readonly CancellationTokenSource _readHeld = new();
        private readonly ManualResetEventSlim _released = new();
        private int _postsStarted;

        public CancellationToken ReadHeld => _readHeld.Token;

        public void Release() => _released.Set();

        public ILogger CreateLogger(string categoryName) =>
            categoryName == RequestStartCategory ? this : NullLogger.Instance;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(
            LogLevel logLevel, EventId eventId, TState state, Exception? exception,
            Func<TState, Exception?, string> formatter)
        {
            if (state is not IReadOnlyList<KeyValuePair<string, object?>> values
                || !values.Any(pair => pair.Key == "Protocol"))
            {
                return;
            }

            var method = values.FirstOrDefault(pair => pair.Key == "Method").Value as string;
            if (method == "POST")
            {
                Interlocked.Increment(ref _postsStarted);
            }
            else if (method == "GET" && Volatile.Read(ref _postsStarted) >= writes && !_readHeld.IsCancellationRequested)
            {
                _readHeld.Cancel();

                // The wait has a limit, so a CLI that ignores the signal fails the test instead of hanging it.
                _released.Wait(TimeSpan.FromSeconds(60));
            }
        }

        public void Dispose()
        {
            _released.Set();
            _readHeld.Dispose();
            _released.Dispose();
        }
    }
}
