using System.Net;
using System.Net.Sockets;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>The error lines of plan when the API rejects a request or cannot be reached.</summary>
public sealed class ErrorReportingTests : IDisposable
{
    private const string ApiKey = "cli-errors-key-8c1f3a";
    private const string WrongKey = "cli-errors-wrong-key-2d9b7e";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task RefusedLoopbackFailsWithoutRetry()
    {
        var port = FindClosedLoopbackPort();

        var result = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", CliProcess.SampleManifest, "--api-url", $"http://127.0.0.1:{port}/v1");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var errorLines = lines.Where(line => line.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.Single(errorLines);
        Assert.StartsWith("error: ", lines[^1]);
        Assert.Contains($"failed: Connection refused (127.0.0.1:{port}).", lines[^1]);
        Assert.Contains($"Is the emulator running at http://127.0.0.1:{port}/v1/?", lines[^1]);
        Assert.DoesNotContain("Retrying", result.Error);
        Assert.DoesNotContain("Polly", result.Error);
        Assert.DoesNotContain(" at System.", result.Error);
        Assert.DoesNotContain(ApiKey, result.AllOutput);
    }

    [Fact]
    public async Task RejectedRequestsShowApiErrorBody()
    {
        await using var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = [ApiKey] }, TestContext.Current.CancellationToken);
        var apiUrl = emulator.ApiBaseAddress.ToString().TrimEnd('/');
        var withoutVersion = apiUrl[..^"/v1".Length];

        var wrongKey = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = WrongKey },
            "plan", CliProcess.SampleManifest, "--api-url", apiUrl);
        var wrongBase = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", CliProcess.SampleManifest, "--api-url", withoutVersion);

        Assert.Equal(1, wrongKey.ExitCode);
        Assert.StartsWith("error: ", wrongKey.Error);
        Assert.Contains("status 401. API error unauthorized: ", wrongKey.Error);
        Assert.DoesNotContain(WrongKey, wrongKey.AllOutput);

        Assert.Equal(1, wrongBase.ExitCode);
        Assert.StartsWith("error: ", wrongBase.Error);
        Assert.Contains("status 404. API error route_not_found: ", wrongBase.Error);
        Assert.Contains("check that --api-url ends with /v1", wrongBase.Error);
        Assert.DoesNotContain(ApiKey, wrongBase.AllOutput);
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Returns a loopback port that was free a moment ago, so a connection to it is refused.</summary>
    private static int FindClosedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
