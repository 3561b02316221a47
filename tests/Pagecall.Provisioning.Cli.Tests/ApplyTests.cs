using System.Text.Json;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Apply and plan of the sample workspace against the emulator option, which keeps its data in the working folder,
/// so each command reads the state that the previous one wrote.
/// </summary>
public sealed class ApplyTests : IDisposable
{
    private readonly TempFolder _folder = new();
    private readonly List<CliResult> _results = [];

    [Fact]
    public async Task ApplyConvergesAndEditsPlanExactly()
    {
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        var proxyConnectionsBefore = ProxySentinel.Connections;

        var first = await RunAsync("apply", "workspace.yaml", "--emulator", "--invites", "invites.txt");
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("Apply: 56 succeeded, 0 failed, 0 skipped.", first.Output);
        Assert.Contains("succeeded create user[\"mentor-ashley\"]", first.Output);
        Assert.True(File.Exists(Path.Combine(_folder.Path, "invites.txt")), first.ToString());

        var unchanged = await RunAsync("plan", "workspace.yaml", "--emulator", "--detailed-exitcode");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains("No changes.", unchanged.Output);

        EditSample();
        var edited = await RunAsync("plan", "workspace.yaml", "--emulator", "--detailed-exitcode", "--format", "json");
        Assert.True(edited.ExitCode == 2, edited.ToString());
        Assert.Equal(
            [
                "create user[\"mentee-zoe\"] name: null -> \"Zoe Baek\"",
                "update room[\"Brandon & Liam: Weekly\"] name: \"One-on-One: Brandon & Liam\" -> \"Brandon & Liam: Weekly\"",
                "replace room[\"Open Demo Room\"] type: \"open\" -> \"public\"",
                "update room[\"One-on-One: Chloe & Noah\"].member[\"mentee-noah\"] type: \"guest\" -> \"monitor\"",
                "create room[\"Open Demo Room\"].member[\"mentor-daniel\"] type: null -> \"host\"",
            ],
            ChangedFields(edited.Output));

        var blocked = await RunAsync("apply", "workspace.yaml", "--emulator");
        Assert.True(blocked.ExitCode == 1, blocked.ToString());
        Assert.Contains("--allow-destroy was not given, so no change was sent", blocked.Error);
        Assert.Contains("-/+ room[\"Open Demo Room\"]", blocked.Error);
        Assert.DoesNotContain("succeeded", blocked.Output);

        var applied = await RunAsync(
            "apply", "workspace.yaml", "--emulator", "--allow-destroy", "--format", "json", "--verbose");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        using (var summary = JsonDocument.Parse(applied.Output))
        {
            Assert.Equal("1.0", summary.RootElement.GetProperty("format_version").GetString());
            Assert.Equal(5, summary.RootElement.GetProperty("summary").GetProperty("succeeded").GetInt32());
            Assert.Equal(0, summary.RootElement.GetProperty("summary").GetProperty("failed").GetInt32());
        }

        Assert.Contains("succeeded replace room[\"Open Demo Room\"]", applied.Error);

        var converged = await RunAsync("plan", "workspace.yaml", "--emulator", "--detailed-exitcode");
        Assert.True(converged.ExitCode == 0, converged.ToString());

        Assert.Equal(proxyConnectionsBefore, ProxySentinel.Connections);
        var invites = _folder.Read("invites.txt");
        var tokens = _folder.ReadEmulatorAccessTokens();
        Assert.NotEmpty(tokens);
        Assert.Contains(tokens, token => invites.Contains(token, StringComparison.Ordinal));
        foreach (var result in _results)
        {
            foreach (var token in tokens)
            {
                Assert.DoesNotContain(token, result.AllOutput);
            }
        }
    }

    public void Dispose() => _folder.Dispose();

    private async Task<CliResult> RunAsync(params string[] arguments)
    {
        var result = await CliProcess.RunAsync(_folder.Path, arguments);
        _results.Add(result);
        return result;
    }

    /// <summary>
    /// Renames a room through renamed_from, changes a member type, adds a user and changes a room type, which
    /// cannot change in place.
    /// </summary>
    private void EditSample()
    {
        var text = _folder.Read("workspace.yaml");
        text = Replace(text, "  - name: \"One-on-One: Brandon & Liam\"\n",
            "  - name: \"Brandon & Liam: Weekly\"\n    renamed_from: \"One-on-One: Brandon & Liam\"\n");
        text = Replace(text, "{ user_id: mentee-noah, type: guest }", "{ user_id: mentee-noah, type: monitor }");
        text = Replace(text, "\nrooms:\n", "  - user_id: mentee-zoe\n    name: Zoe Baek\n\nrooms:\n");
        text = Replace(text, "  - name: \"Open Demo Room\"\n    type: open\n", "  - name: \"Open Demo Room\"\n    type: public\n");
        _folder.Write("workspace.yaml", text);
    }

    private static string Replace(string text, string oldValue, string newValue)
    {
        Assert.Equal(1, text.Split(oldValue).Length - 1);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }

    /// <summary>
    /// Returns "action address field: before -> after" for every change in a JSON plan that is not a no-op, in plan
    /// order, with the changed fields only. A field that keeps its value, as on a replaced room, is left out.
    /// </summary>
    private static List<string> ChangedFields(string json)
    {
        using var plan = JsonDocument.Parse(json);
        Assert.Equal("1.1", plan.RootElement.GetProperty("format_version").GetString());
        return plan.RootElement.GetProperty("changes").EnumerateArray()
            .Where(change => change.GetProperty("action").GetString() != "no-op")
            .Select(change =>
            {
                var fields = change.GetProperty("fields").EnumerateObject()
                    .Where(field => field.Value.GetProperty("changed").GetBoolean())
                    .Select(field =>
                        $"{field.Name}: {field.Value.GetProperty("before").GetRawText()} -> "
                        + field.Value.GetProperty("after").GetRawText());
                var action = change.GetProperty("action").GetString();
                var address = change.GetProperty("address").GetString();
                return $"{action} {address} {string.Join("; ", fields)}";
            })
            .ToList();
    }
}
