using System.Text.RegularExpressions;

namespace Pagecall.Packaging.Tests.Infrastructure;

/// <summary>The built tutoring app running as a child process on a free loopback port.</summary>
internal sealed partial class TutoringAppProcess : IAsyncDisposable
{
    /// <summary>The time the app may take to start listening, or to print an expected log line.</summary>
    private static readonly TimeSpan s_waitTimeout = TimeSpan.FromMinutes(1);

    private readonly OutputCapturingProcess _process;

    private TutoringAppProcess(OutputCapturingProcess process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    /// <summary>The address the app listens on, such as <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the app printed so far, logs included.</summary>
    public string Output => _process.Output;

    /// <summary>Starts the app with the given settings and waits until it listens.</summary>
    /// <param name="assemblyPath">The built TutoringApp.dll.</param>
    /// <param name="settings">Environment variables such as <c>Pagecall__ApiKey</c>. A null value removes one.</param>
    /// <returns>The running app.</returns>
    public static async Task<TutoringAppProcess> StartAsync(
        string assemblyPath, IReadOnlyDictionary<string, string?> settings)
    {
        var environment = new Dictionary<string, string?>(PackagingFixture.BaseEnvironment);
        foreach (var (name, value) in settings)
        {
            environment[name] = value;
        }

        var startInfo = DotnetProcess.CreateStartInfo(
            Path.GetDirectoryName(assemblyPath)!, environment, assemblyPath, "--urls", "http://127.0.0.1:0");
        var process = new OutputCapturingProcess(startInfo);
        try
        {
            var line = await WaitForOutputAsync(process, ListeningLine());
            return new TutoringAppProcess(process, new Uri(line.Groups["address"].Value + "/"));
        }
        catch
        {
            await process.KillAsync();
            process.Dispose();
            throw;
        }
    }

    /// <summary>Creates a client for the app that returns redirects instead of following them.</summary>
    /// <returns>The client.</returns>
    public HttpClient CreateClient() =>
        new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>Waits until the app prints a line that contains <paramref name="text"/>.</summary>
    /// <param name="text">The text to wait for.</param>
    /// <returns>A task that completes when the line is printed.</returns>
    public Task WaitForOutputAsync(string text) =>
        WaitForOutputAsync(_process, new Regex(Regex.Escape(text), RegexOptions.CultureInvariant));

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _process.KillAsync();
        _process.Dispose();
    }

    /// <summary>
    /// Polls the output for a match. The app runs as another process, so there is no event to wait on. The
    /// timeout only bounds a hang.
    /// </summary>
    private static async Task<Match> WaitForOutputAsync(OutputCapturingProcess process, Regex pattern)
    {
        using var timeout = new CancellationTokenSource(s_waitTimeout);
        while (true)
        {
            var match = pattern.Match(process.Output);
            if (match.Success)
            {
                return match;
            }

            if (process.HasExited)
            {
                await process.WaitForExitAsync(CancellationToken.None);
                throw new InvalidOperationException(
                    $"The tutoring app exited with code {process.ExitCode} before printing '{pattern}':\n{process.Output}");
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"The tutoring app did not print '{pattern}' within {s_waitTimeout}:\n{process.Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None);
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://127\.0\.0\.1:\d+)", RegexOptions.CultureInvariant)]
    private static partial Regex ListeningLine();
}
