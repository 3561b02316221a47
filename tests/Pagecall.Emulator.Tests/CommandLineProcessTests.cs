using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace Pagecall.Emulator.Tests;

/// <summary>Runs the emulator as a separate process, the way the command line does.</summary>
public sealed partial class CommandLineProcessTests : IDisposable
{
    private const string ApiKey = "process-test-key";
    private static readonly TimeSpan s_startTimeout = TimeSpan.FromSeconds(60);

    private readonly string _folder = Directory.CreateTempSubdirectory("pagecall-emulator-cli-").FullName;

    [Fact]
    public async Task ServesApiAndPersistsAcrossRestart()
    {
        var dataFile = Path.Combine(_folder, "state.json");

        using (var first = StartEmulator("--urls", "http://127.0.0.1:0", "--data", dataFile))
        {
            using var client = await ConnectAsync(first);
            var created = await client.PostApiAsync("users", """{"user_id":"from-cli"}""");
            Assert.Equal(HttpStatusCode.OK, created.Status);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using var second = StartEmulator("--urls", "http://127.0.0.1:0", "--data", dataFile);
        using var secondClient = await ConnectAsync(second);
        var read = await secondClient.GetApiAsync("users/from-cli");
        second.Kill(entireProcessTree: true);

        Assert.Equal(HttpStatusCode.OK, read.Status);
    }

    [Fact]
    public async Task KillDuringWritesKeepsAcknowledgedWrites()
    {
        const int WriterCount = 4;
        const int AcknowledgedBeforeKill = 40;
        var dataFile = Path.Combine(_folder, "state.json");
        var acknowledged = new ConcurrentBag<string>();
        var enoughAcknowledged = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        using (var first = StartEmulator("--urls", "http://127.0.0.1:0", "--data", dataFile))
        {
            using var client = await ConnectAsync(first);

            // Several writers keep requests in flight, so the kill most likely lands while the emulator is
            // writing the state file. The test cannot choose the exact moment, only make it likely.
            var writers = Enumerable.Range(0, WriterCount)
                .Select(writer => WriteUntilConnectionFailsAsync(client, writer, acknowledged, enoughAcknowledged))
                .ToArray();

            // A writer that fails its assertion ends early, so waiting for all of them as well keeps the test from
            // hanging on a count that is never reached.
            await Task.WhenAny(enoughAcknowledged.Task, Task.WhenAll(writers))
                .WaitAsync(TestContext.Current.CancellationToken);
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync(TestContext.Current.CancellationToken);
            await Task.WhenAll(writers);
        }

        using var second = StartEmulator("--urls", "http://127.0.0.1:0", "--data", dataFile);
        using var secondClient = await ConnectAsync(second);
        var missing = new List<string>();
        foreach (var userId in acknowledged.Order(StringComparer.Ordinal))
        {
            var read = await secondClient.GetApiAsync("users/" + userId);
            if (read.Status != HttpStatusCode.OK)
            {
                missing.Add(userId);
            }
        }

        second.Kill(entireProcessTree: true);

        Assert.True(acknowledged.Count >= AcknowledgedBeforeKill, $"Only {acknowledged.Count} writes were acknowledged.");
        Assert.True(missing.Count == 0, "Acknowledged users lost by the kill: " + string.Join(", ", missing));

        // Creates users one after another until the connection fails, recording each user_id that got a 200 response.
        static async Task WriteUntilConnectionFailsAsync(
            HttpClient client, int writer, ConcurrentBag<string> acknowledged, TaskCompletionSource enoughAcknowledged)
        {
            for (var index = 0; ; index++)
            {
                var userId = string.Create(CultureInfo.InvariantCulture, $"writer-{writer}-{index}");
                try
                {
                    var response = await client.PostApiAsync("users", $$"""{"user_id":"{{userId}}"}""");
                    Assert.Equal(HttpStatusCode.OK, response.Status);
                    acknowledged.Add(userId);
                }
                catch (Exception exception) when (exception is HttpRequestException or IOException)
                {
                    return;
                }

                if (acknowledged.Count >= AcknowledgedBeforeKill)
                {
                    enoughAcknowledged.TrySetResult();
                }
            }
        }
    }

    [Fact]
    public async Task TerminateSignalLogsStopAndExitsZero()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "SIGTERM is a Unix signal.");
        using var emulator = StartEmulator("--urls", "http://127.0.0.1:0");
        using var client = await ConnectAsync(emulator);

        using var kill = Process.Start("kill", ["-TERM", emulator.Id.ToString(CultureInfo.InvariantCulture)]);
        await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        var rest = await emulator.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await emulator.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Pagecall emulator stopped.", rest, StringComparison.Ordinal);
        Assert.Equal(0, emulator.ExitCode);
    }

    [Fact]
    public async Task UnreadableDataFileExitsWithMessage()
    {
        var dataFile = Path.Combine(_folder, "broken.json");
        await File.WriteAllTextAsync(dataFile, "{ broken", TestContext.Current.CancellationToken);

        using var process = StartEmulator("--urls", "http://127.0.0.1:0", "--data", dataFile);
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.Contains(dataFile, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PortInUseExitsWithMessageOnly()
    {
        using var holder = new TcpListener(IPAddress.Loopback, 0);
        holder.Start();
        var port = ((IPEndPoint)holder.LocalEndpoint).Port;

        using var process = StartEmulator("--urls", $"http://127.0.0.1:{port}");
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(1, process.ExitCode);
        Assert.StartsWith("The emulator could not start: ", error, StringComparison.Ordinal);
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.DoesNotContain("fail:", error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task InvalidArgumentExitsWithUsageError()
    {
        using var process = StartEmulator("--error-rate", "lots");
        var error = await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("--error-rate", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Process StartEmulator(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Pagecall.Emulator.dll"));
        start.ArgumentList.Add("--api-key");
        start.ArgumentList.Add(ApiKey);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment.Remove("PAGECALL_EMULATOR_API_KEYS");
        return Process.Start(start) ?? throw new InvalidOperationException("The emulator process did not start.");
    }

    /// <summary>Reads the start-up line for the chosen port and returns a client for it.</summary>
    private static async Task<HttpClient> ConnectAsync(Process process)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_startTimeout);
        var line = await process.StandardOutput.ReadLineAsync(timeout.Token)
            ?? throw new InvalidOperationException("The emulator exited before it printed its address.");
        var match = ListeningAddress().Match(line);
        Assert.True(match.Success, $"Unexpected start-up line: {line}");
        Assert.DoesNotContain(ApiKey, line, StringComparison.Ordinal);

        var client = new HttpClient { BaseAddress = new Uri(match.Groups[1].Value) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    [GeneratedRegex(@"listening on (http://127\.0\.0\.1:\d+/v1/)")]
    private static partial Regex ListeningAddress();
}
