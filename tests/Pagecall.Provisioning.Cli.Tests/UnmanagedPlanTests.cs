using System.Text.Json;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Plan after a room and a user were deleted from an applied manifest, against the emulator option. Every plan
/// format lists them as left alone, and --detailed-exitcode does not count them as changes.
/// </summary>
public sealed class UnmanagedPlanTests : IDisposable
{
    private const string FullManifest = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
          - { user_id: bob, name: Bob }
          - { user_id: carol, name: Carol }
        rooms:
          - { name: Kept, type: private, members: [{ user_id: ann }, { user_id: bob }] }
          - { name: Dropped, type: private, members: [{ user_id: carol }] }
        """;

    private const string ReducedManifest = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
          - { user_id: bob, name: Bob }
        rooms:
          - { name: Kept, type: private, members: [{ user_id: ann }, { user_id: bob }] }
        """;

    private const string LeftAloneLine =
        "Left alone: 1 live room and 1 live user are not in the manifest (pagecall-provision never removes them).";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task PlanShowsLeftAloneObjects()
    {
        var droppedId = await ApplyFullThenReduceAsync();

        var text = await RunAsync("plan", "workspace.yaml", "--emulator", "--detailed-exitcode");
        var markdown = await RunAsync(
            "plan", "workspace.yaml", "--emulator", "--detailed-exitcode", "--format", "markdown");
        var json = await RunAsync("plan", "workspace.yaml", "--emulator", "--detailed-exitcode", "--format", "json");

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains(
            $"{LeftAloneLine}\n    room[\"Dropped\"] ({droppedId})\n    user[\"carol\"]\n\n5 objects unchanged.\n",
            text.Output,
            StringComparison.Ordinal);
        Assert.EndsWith("Plan: 0 to create, 0 to update, 0 to replace, 0 to remove.\n", text.Output, StringComparison.Ordinal);

        Assert.True(markdown.ExitCode == 0, markdown.ToString());
        Assert.Contains("**Left alone:** 1 live room and 1 live user", markdown.Output, StringComparison.Ordinal);
        Assert.Contains($"- `room[\"Dropped\"] ({droppedId})`\n", markdown.Output, StringComparison.Ordinal);
        Assert.Contains("- `user[\"carol\"]`\n", markdown.Output, StringComparison.Ordinal);

        Assert.True(json.ExitCode == 0, json.ToString());
        using var plan = JsonDocument.Parse(json.Output);
        var unmanaged = plan.RootElement.GetProperty("unmanaged");
        Assert.Equal(["carol"], unmanaged.GetProperty("users").EnumerateArray().Select(user => user.GetString()));
        var room = Assert.Single(unmanaged.GetProperty("rooms").EnumerateArray());
        Assert.Equal("Dropped", room.GetProperty("name").GetString());
        Assert.Equal(droppedId, room.GetProperty("id").GetString());
        Assert.False(plan.RootElement.GetProperty("summary").GetProperty("has_changes").GetBoolean());

        var tokens = _folder.ReadEmulatorAccessTokens();
        Assert.Equal(3, tokens.Count);
        foreach (var token in tokens)
        {
            Assert.DoesNotContain(token, text.AllOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(token, markdown.AllOutput, StringComparison.Ordinal);
            Assert.DoesNotContain(token, json.AllOutput, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ApplyLeavesUnmanagedObjects()
    {
        var droppedId = await ApplyFullThenReduceAsync();

        var applied = await RunAsync("apply", "workspace.yaml", "--emulator");
        var replanned = await RunAsync("plan", "workspace.yaml", "--emulator", "--format", "json");

        Assert.True(applied.ExitCode == 0, applied.ToString());
        Assert.Contains(LeftAloneLine, applied.Output, StringComparison.Ordinal);
        Assert.True(replanned.ExitCode == 0, replanned.ToString());
        using var plan = JsonDocument.Parse(replanned.Output);
        var room = Assert.Single(plan.RootElement.GetProperty("unmanaged").GetProperty("rooms").EnumerateArray());
        Assert.Equal(droppedId, room.GetProperty("id").GetString());
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Applies the full manifest as workspace.yaml, then replaces the file with the reduced manifest. Returns the id
    /// of the room Dropped.
    /// </summary>
    private async Task<string> ApplyFullThenReduceAsync()
    {
        _folder.Write("workspace.yaml", FullManifest);
        var applied = await RunAsync("apply", "workspace.yaml", "--emulator", "--format", "json");
        Assert.True(applied.ExitCode == 0, applied.ToString());
        using var summary = JsonDocument.Parse(applied.Output);
        var dropped = summary.RootElement.GetProperty("outcomes").EnumerateArray()
            .Single(outcome => outcome.GetProperty("address").GetString() == "room[\"Dropped\"]");
        _folder.Write("workspace.yaml", ReducedManifest);
        return dropped.GetProperty("live_id").GetString()!;
    }

    private Task<CliResult> RunAsync(params string[] arguments) => CliProcess.RunAsync(_folder.Path, arguments);
}
