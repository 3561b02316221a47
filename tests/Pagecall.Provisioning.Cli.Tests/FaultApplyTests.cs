using System.Text.Json;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Apply through the CLI against an emulator that fails half of the requests: every change gets an outcome, a failure
/// exits with 1, and a later apply without faults converges with no duplicate.
/// </summary>
public sealed class FaultApplyTests : IDisposable
{
    private const string ApiKey = "fault-test-key";
    private const string JournalFile = "journal.jsonl";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task FaultyApplyReportsAndConverges()
    {
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        var dataFile = Path.Combine(_folder.Path, "emulator-state.json");
        var faults = new FaultOptions { Seed = 3, ErrorRate = 0.5, LostWriteRate = 0.3 };
        var sawFailedChange = false;
        await using (var faulty = await StartEmulatorAsync(dataFile, faults))
        {
            // Reads are retried, but at this error rate one can still run out of retries. The applies continue
            // until one of them reports a failed change.
            for (var run = 0; run < 6 && !sawFailedChange; run++)
            {
                var journalLines = JournalLineCount();
                var result = await ApplyAsync(faulty, "--format", "json", "--journal", JournalFile);
                Assert.DoesNotContain("Polly", result.Error, StringComparison.Ordinal);
                if (result.Output.Length == 0)
                {
                    Assert.True(result.ExitCode == 1, result.ToString());
                    Assert.Contains("error: The Pagecall API rejected a request", result.Error);
                    continue;
                }

                sawFailedChange |= AssertSummaryMatchesOutcomes(result);
                AssertJournalMatchesOutcomes(result, File.ReadLines(JournalPath).Skip(journalLines).ToList());
            }
        }

        Assert.True(sawFailedChange, "No faulty apply reported a failed change.");

        await using var healthy = await StartEmulatorAsync(dataFile, new FaultOptions());
        var converged = await ApplyAsync(healthy);
        Assert.True(converged.ExitCode == 0, converged.ToString());
        Assert.Contains(" 0 failed, 0 skipped.", converged.Output);

        var plan = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", "workspace.yaml", "--api-url", healthy.ApiBaseAddress.ToString(), "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.ToString());

        await healthy.DisposeAsync();
        using var state = JsonDocument.Parse(File.ReadAllText(dataFile));
        var userIds = Strings(state, "users", "user_id");
        var roomNames = Strings(state, "rooms", "name");
        var memberships = state.RootElement.GetProperty("members").EnumerateArray()
            .Select(member => member.GetProperty("room_id").GetString() + "/" + member.GetProperty("user_id").GetString())
            .ToList();
        Assert.Equal(20, userIds.Count);
        Assert.Equal(20, userIds.Distinct().Count());
        Assert.Equal(10, roomNames.Count);
        Assert.Equal(10, roomNames.Distinct().Count());
        Assert.Equal(26, memberships.Count);
        Assert.Equal(26, memberships.Distinct().Count());
    }

    public void Dispose() => _folder.Dispose();

    private string JournalPath => Path.Combine(_folder.Path, JournalFile);

    private int JournalLineCount() => File.Exists(JournalPath) ? File.ReadLines(JournalPath).Count() : 0;

    /// <summary>
    /// Checks that every change of the applied plan has one outcome, that the JSON summary counts them, that each
    /// outcome is succeeded, failed or skipped, and that the exit code is 1 exactly when a change failed or was
    /// skipped. Returns whether a change failed.
    /// </summary>
    private static bool AssertSummaryMatchesOutcomes(CliResult result)
    {
        using var document = JsonDocument.Parse(result.Output);
        var summary = document.RootElement.GetProperty("summary");
        var succeeded = summary.GetProperty("succeeded").GetInt32();
        var failed = summary.GetProperty("failed").GetInt32();
        var skipped = summary.GetProperty("skipped").GetInt32();
        var statuses = document.RootElement.GetProperty("outcomes").EnumerateArray()
            .Select(outcome => outcome.GetProperty("status").GetString())
            .ToList();
        var planned = document.RootElement.GetProperty("plan").GetProperty("changes").EnumerateArray()
            .Where(change => change.GetProperty("action").GetString() != "no-op")
            .Select(change => change.GetProperty("address").GetString())
            .ToList();
        var outcomes = document.RootElement.GetProperty("outcomes").EnumerateArray()
            .Select(outcome => outcome.GetProperty("address").GetString())
            .ToList();

        Assert.All(statuses, status => Assert.Contains(status, new[] { "succeeded", "failed", "skipped" }));
        Assert.Equal(succeeded, statuses.Count(status => status == "succeeded"));
        Assert.Equal(failed, statuses.Count(status => status == "failed"));
        Assert.Equal(skipped, statuses.Count(status => status == "skipped"));
        Assert.Equal(planned, outcomes);
        Assert.True(result.ExitCode == (failed + skipped > 0 ? 1 : 0), result.ToString());
        return failed > 0;
    }

    /// <summary>
    /// Checks that the journal lines of one run, all with one run id, record each change of the JSON summary with the
    /// same status and live id.
    /// </summary>
    private static void AssertJournalMatchesOutcomes(CliResult result, List<string> journalLines)
    {
        using var document = JsonDocument.Parse(result.Output);
        var expected = document.RootElement.GetProperty("outcomes").EnumerateArray()
            .Select(Describe)
            .Order(StringComparer.Ordinal)
            .ToList();
        var records = journalLines.Select(line => JsonDocument.Parse(line)).ToList();
        try
        {
            Assert.Single(records.Select(record => record.RootElement.GetProperty("run_id").GetString()).Distinct());
            var journaled = records.Select(record => Describe(record.RootElement)).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(expected, journaled);
        }
        finally
        {
            records.ForEach(record => record.Dispose());
        }
    }

    private static string Describe(JsonElement outcome) =>
        $"{outcome.GetProperty("status").GetString()} {outcome.GetProperty("action").GetString()} "
        + $"{outcome.GetProperty("address").GetString()} {outcome.GetProperty("live_id").GetString()}";

    private async Task<CliResult> ApplyAsync(PagecallEmulator emulator, params string[] extraArguments) =>
        await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            ["apply", "workspace.yaml", "--api-url", emulator.ApiBaseAddress.ToString(), .. extraArguments]);

    private static Task<PagecallEmulator> StartEmulatorAsync(string dataFile, FaultOptions faults) =>
        PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = [ApiKey], DataFile = dataFile, Faults = faults },
            TestContext.Current.CancellationToken);

    private static List<string?> Strings(JsonDocument state, string collection, string property) =>
        state.RootElement.GetProperty(collection).EnumerateArray()
            .Select(item => item.GetProperty(property).GetString())
            .ToList();
}
