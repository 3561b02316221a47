using System.Text.Json;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Everything that a full run writes, with every log category at Trace level and injected faults so that error and
/// retry paths log too: neither the API key nor any access token may appear outside the invite file.
/// </summary>
public sealed class SecretsTests : IDisposable
{
    private const string ApiKey = "secrets-test-key-5e1f0c";
    private const string InviteFile = "invites.csv";
    private const string DataFile = "emulator-state.json";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task SecretsOnlyInInviteFile()
    {
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        var results = new List<CliResult>();
        await using (var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions
            {
                ApiKeys = [ApiKey],
                DataFile = Path.Combine(_folder.Path, DataFile),
                Faults = new FaultOptions { Seed = 5, ErrorRate = 0.2, LostWriteRate = 0.2 },
            },
            TestContext.Current.CancellationToken))
        {
            var apiUrl = emulator.ApiBaseAddress.ToString();
            string[][] commands =
            [
                ["apply", "workspace.yaml", "--api-url", apiUrl, "--verbose", "--journal", "journal.jsonl"],
                ["apply", "workspace.yaml", "--api-url", apiUrl, "--verbose", "--journal", "journal.jsonl",
                    "--invites", InviteFile, "--format", "json"],
                ["plan", "workspace.yaml", "--api-url", apiUrl, "--verbose", "--format", "json", "--out", "plan.json"],
                ["plan", "workspace.yaml", "--api-url", apiUrl, "--format", "markdown", "--out", "plan.md"],
                ["plan", "workspace.yaml", "--api-url", apiUrl, "--verbose"],
                ["validate", "workspace.yaml", "--api-url", apiUrl, "--verbose"],
            ];
            foreach (var arguments in commands)
            {
                results.Add(await CliProcess.RunAsync(_folder.Path, TraceEnvironment(), arguments));
            }
        }

        Assert.True(results[1].ExitCode == 0, results[1].ToString());
        Assert.Contains(results, result => result.Error.Contains("dbug: Polly", StringComparison.Ordinal));
        var secrets = ReadAccessTokens();
        Assert.Equal(20, secrets.Count);
        Assert.All(secrets, token => Assert.Contains(token, _folder.Read(InviteFile), StringComparison.Ordinal));
        secrets.Add(ApiKey);

        var written = Directory.EnumerateFiles(_folder.Path, "*", SearchOption.AllDirectories)
            .Where(path => Path.GetFileName(path) is not (InviteFile or DataFile))
            .ToList();
        Assert.Contains(written, path => path.EndsWith("journal.jsonl", StringComparison.Ordinal));
        Assert.Contains(written, path => path.EndsWith("plan.json", StringComparison.Ordinal));
        Assert.Contains(written, path => path.EndsWith("plan.md", StringComparison.Ordinal));
        foreach (var secret in secrets)
        {
            foreach (var (result, index) in results.Select((result, index) => (result, index)))
            {
                Assert.False(result.Output.Contains(secret, StringComparison.Ordinal), $"stdout of run {index}");
                Assert.False(result.Error.Contains(secret, StringComparison.Ordinal), $"stderr of run {index}");
            }

            foreach (var path in written)
            {
                Assert.False(File.ReadAllText(path).Contains(secret, StringComparison.Ordinal), path);
            }
        }
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>Sets the key, and every log category, Polly's included, to Trace level through configuration.</summary>
    private static Dictionary<string, string?> TraceEnvironment() => new()
    {
        ["PAGECALL_API_KEY"] = ApiKey,
        ["PAGECALL_PROVISION_Logging__LogLevel__Default"] = "Trace",
        ["PAGECALL_PROVISION_Logging__LogLevel__Polly"] = "Trace",
        ["PAGECALL_PROVISION_Logging__LogLevel__System"] = "Trace",
        ["PAGECALL_PROVISION_Logging__LogLevel__Microsoft"] = "Trace",
    };

    private List<string> ReadAccessTokens()
    {
        using var state = JsonDocument.Parse(_folder.Read(DataFile));
        return state.RootElement.GetProperty("users").EnumerateArray()
            .Select(user => user.GetProperty("access_token").GetString())
            .OfType<string>()
            .ToList();
    }
}
