using System.Text.Json;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>Options, the API key and the exit codes of plan against an emulator at a loopback --api-url.</summary>
public sealed class CommandLineTests : IDisposable
{
    private const string ApiKey = "cli-test-key-5b7d0c2e9f";
    private const string WrongKey = "cli-wrong-key-1e4a8d";

    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("plan", "MANIFEST", "--bogus")]
    [InlineData("plan", "MANIFEST", "--format", "xml")]
    [InlineData("apply", "MANIFEST", "--parallelism", "zero")]
    [InlineData("apply", "MANIFEST", "--parallelism", "0")]
    [InlineData("apply", "MANIFEST", "--parallelism", "-1")]
    [InlineData("apply", "MANIFEST", "--parallelism", "99999999999")]
    [InlineData("plan", "MANIFEST", "--max-rps", "NaN")]
    [InlineData("plan", "MANIFEST", "--max-rps", "Infinity")]
    [InlineData("plan", "MANIFEST", "--max-rps", "0")]
    [InlineData("deploy", "MANIFEST")]
    public async Task InvalidCommandLineExitsWith3(params string[] arguments)
    {
        var manifest = CliProcess.SampleManifest;
        var resolved = arguments.Select(argument => argument == "MANIFEST" ? manifest : argument).ToArray();

        var result = await CliProcess.RunAsync(_folder.Path, resolved);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith("error: ", result.Error);
        Assert.Contains("--help", result.Error);
    }

    [Fact]
    public async Task MissingApiKeyNamesVariable()
    {
        var connectionsBefore = ProxySentinel.Connections;

        var result = await CliProcess.RunAsync(_folder.Path, "plan", CliProcess.SampleManifest);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("PAGECALL_API_KEY", result.Error);
        Assert.Equal(connectionsBefore, ProxySentinel.Connections);
    }

    [Fact]
    public async Task PlainHttpRemoteApiUrlRejected()
    {
        var connectionsBefore = ProxySentinel.Connections;

        var result = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", CliProcess.SampleManifest, "--api-url", "http://example.com");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--api-url \"http://example.com\" uses plain http", result.Error);
        Assert.Equal(connectionsBefore, ProxySentinel.Connections);
        Assert.DoesNotContain(ApiKey, result.AllOutput);
    }

    [Fact]
    public async Task PlainHttpRemoteMeetUrlRejected()
    {
        var connectionsBefore = ProxySentinel.Connections;

        var result = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", CliProcess.SampleManifest, "--api-url", "http://127.0.0.1:9/v1", "--meet-url",
            "http://meet.example.com/join");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("--meet-url \"http://meet.example.com/join\" uses plain http", result.Error);
        Assert.Equal(connectionsBefore, ProxySentinel.Connections);
        Assert.DoesNotContain(ApiKey, result.AllOutput);
    }

    [Fact]
    public async Task ApiUrlAndEmulatorConflict()
    {
        var result = await CliProcess.RunAsync(
            _folder.Path, "plan", CliProcess.SampleManifest, "--emulator", "--api-url", "http://127.0.0.1:9/v1");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("cannot be used together", result.Error);
    }

    [Fact]
    public async Task PlanAgainstLoopbackApiUrl()
    {
        await using var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = [ApiKey] }, TestContext.Current.CancellationToken);
        var apiUrl = emulator.ApiBaseAddress.ToString().TrimEnd('/');

        var wrongKey = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = WrongKey },
            "plan", CliProcess.SampleManifest, "--api-url", apiUrl);
        var json = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", CliProcess.SampleManifest, "--api-url", apiUrl, "--format", "json", "--detailed-exitcode",
            "--verbose");

        Assert.Equal(1, wrongKey.ExitCode);
        Assert.Contains("status 401", wrongKey.Error);
        Assert.Contains("PAGECALL_API_KEY", wrongKey.Error);
        Assert.DoesNotContain(WrongKey, wrongKey.AllOutput);

        Assert.True(json.ExitCode == 2, json.ToString());
        using var plan = JsonDocument.Parse(json.Output);
        Assert.Equal("1.1", plan.RootElement.GetProperty("format_version").GetString());
        Assert.True(plan.RootElement.GetProperty("summary").GetProperty("has_changes").GetBoolean());
        Assert.Equal(56, plan.RootElement.GetProperty("summary").GetProperty("create").GetInt32());
        Assert.Contains("GET /v1/users 200 attempt 1", json.Error);
        Assert.DoesNotContain(ApiKey, json.AllOutput);
    }

    [Fact]
    public async Task PlanWritesMarkdownToOutFile()
    {
        var result = await CliProcess.RunAsync(
            _folder.Path, "plan", CliProcess.SampleManifest, "--emulator", "--format", "markdown", "--out", "plan.md");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Output);
        Assert.Contains("Wrote the plan to plan.md.", result.Error);
        Assert.Contains("Using the local Pagecall emulator at http://127.0.0.1:", result.Error);
        var markdown = _folder.Read("plan.md");
        Assert.StartsWith("### Pagecall plan for", markdown);
        Assert.Contains("Plan: 56 to create, 0 to update, 0 to replace, 0 to remove.", markdown);
        Assert.True(File.Exists(Path.Combine(_folder.Path, ".pagecall", "emulator.json")));
    }

    public void Dispose() => _folder.Dispose();
}
