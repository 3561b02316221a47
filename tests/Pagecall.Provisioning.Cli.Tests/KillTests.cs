using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Apply killed with SIGKILL part way through, against an emulator that keeps its state in a file. The kill comes
/// after the N-th write request that the emulator has responded to, counted in its request log, so it does not depend
/// on timing. Every later apply must finish the work without creating a user, room or member twice.
/// </summary>
public sealed class KillTests : IDisposable
{
    private const string ApiKey = "kill-test-key";
    private const int UserCount = 200;
    private const int RoomCount = 40;
    private const int MembersPerRoom = 5;

    private readonly TempFolder _folder = new();

    private string DataFile => Path.Combine(_folder.Path, "emulator-state.json");

    [Fact]
    public async Task KilledApplyConvergesWithoutDuplicates()
    {
        _folder.Write("workspace.yaml", ManifestYaml(memberShift: 0));

        // 240 writes in all: one POST per user and one per room, whose create call adds its members. Each kill
        // point is below what the earlier kills leave to do, so every run is killed mid-way.
        foreach (var killAfter in new[] { 1, 100, 60, 30 })
        {
            var killed = await ApplyAsync(killAfter);
            Assert.True(killed.ExitCode == 137, $"kill after write {killAfter}: {killed}");
        }

        var finished = await ApplyAsync(killAfter: null);
        Assert.True(finished.ExitCode == 0, finished.ToString());
        await AssertConvergedAsync();
        AssertWorkspace(memberShift: 0);

        // Moving every room's member list by two users removes two members and adds two in each room.
        _folder.Write("workspace.yaml", ManifestYaml(memberShift: 2));
        foreach (var killAfter in new[] { 40, 40 })
        {
            var killed = await ApplyAsync(killAfter);
            Assert.True(killed.ExitCode == 137, $"kill after member write {killAfter}: {killed}");
        }

        var membersFinished = await ApplyAsync(killAfter: null);
        Assert.True(membersFinished.ExitCode == 0, membersFinished.ToString());
        await AssertConvergedAsync();
        AssertWorkspace(memberShift: 2);
        AssertJournalLinesAreJson();
    }

    public void Dispose() => _folder.Dispose();

    /// <summary>
    /// Runs apply against a new emulator on the shared data file, killing the CLI after write number
    /// <paramref name="killAfter"/>, or letting it finish when that is null.
    /// </summary>
    private async Task<CliResult> ApplyAsync(int? killAfter)
    {
        var writes = RequestLogCounter.Writes(killAfter ?? int.MaxValue);
        await using var emulator = await StartEmulatorAsync(writes);
        return await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            writes.ThresholdReached,
            "apply", "workspace.yaml", "--api-url", emulator.ApiBaseAddress.ToString(), "--journal", "journal.jsonl");
    }

    private async Task AssertConvergedAsync()
    {
        await using var emulator = await StartEmulatorAsync(RequestLogCounter.Writes(int.MaxValue));
        var plan = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "plan", "workspace.yaml", "--api-url", emulator.ApiBaseAddress.ToString(), "--detailed-exitcode");
        Assert.True(plan.ExitCode == 0, plan.ToString());
        Assert.Contains("No changes.", plan.Output);
    }

    private Task<PagecallEmulator> StartEmulatorAsync(RequestLogCounter writes) =>
        PagecallEmulator.StartAsync(
            new EmulatorOptions
            {
                ApiKeys = [ApiKey],
                DataFile = DataFile,
                ConfigureLogging = logging => logging.AddProvider(writes),
            },
            TestContext.Current.CancellationToken);

    /// <summary>Checks the emulator's data file: each user, room and membership exists exactly once.</summary>
    private void AssertWorkspace(int memberShift)
    {
        using var state = JsonDocument.Parse(File.ReadAllText(DataFile));
        var users = state.RootElement.GetProperty("users").EnumerateArray().ToList();
        var rooms = state.RootElement.GetProperty("rooms").EnumerateArray().ToList();
        var members = state.RootElement.GetProperty("members").EnumerateArray().ToList();

        var userIds = users.Select(user => user.GetProperty("user_id").GetString()).ToList();
        Assert.Equal(UserCount, userIds.Count);
        Assert.Equal(UserCount, userIds.Distinct().Count());

        var roomNames = rooms.Select(room => room.GetProperty("name").GetString()).ToList();
        Assert.Equal(RoomCount, roomNames.Count);
        Assert.Equal(RoomCount, roomNames.Distinct().Count());

        var memberships = members
            .Select(member => (member.GetProperty("room_id").GetString(), member.GetProperty("user_id").GetString()))
            .ToList();
        Assert.Equal(RoomCount * MembersPerRoom, memberships.Count);
        Assert.Equal(RoomCount * MembersPerRoom, memberships.Distinct().Count());

        var firstRoomId = rooms.Single(room => room.GetProperty("name").GetString() == RoomName(0))
            .GetProperty("id").GetString();
        var firstUserIds = users.ToDictionary(
            user => user.GetProperty("id").GetString()!, user => user.GetProperty("user_id").GetString()!);
        var firstRoomMembers = members
            .Where(member => member.GetProperty("room_id").GetString() == firstRoomId)
            .Select(member => ManifestUserId(firstUserIds, member.GetProperty("user_id").GetString()!))
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.Equal(
            Enumerable.Range(memberShift, MembersPerRoom).Select(UserId).Order(StringComparer.Ordinal).ToList(),
            firstRoomMembers);
    }

    /// <summary>Maps a member's user reference to the manifest user_id, whichever of the two ids the file stores.</summary>
    private static string ManifestUserId(Dictionary<string, string> userIdsByInternalId, string reference) =>
        userIdsByInternalId.TryGetValue(reference, out var userId) ? userId : reference;

    /// <summary>Checks that no kill left a torn line in the journal.</summary>
    private void AssertJournalLinesAreJson()
    {
        var lines = File.ReadAllLines(Path.Combine(_folder.Path, "journal.jsonl"));
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.NotNull(entry.RootElement.GetProperty("status").GetString());
        }
    }

    private static string ManifestYaml(int memberShift)
    {
        var yaml = new StringBuilder("version: 1\nusers:\n");
        for (var user = 0; user < UserCount; user++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - {{ user_id: {UserId(user)}, name: \"User {user}\" }}\n");
        }

        yaml.Append("rooms:\n");
        for (var room = 0; room < RoomCount; room++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - name: \"{RoomName(room)}\"\n    type: private\n    members:\n");
            for (var member = 0; member < MembersPerRoom; member++)
            {
                var user = (room * MembersPerRoom + member + memberShift) % UserCount;
                var type = member == 0 ? "host" : "guest";
                yaml.Append(CultureInfo.InvariantCulture, $"      - {{ user_id: {UserId(user)}, type: {type} }}\n");
            }
        }

        return yaml.ToString();
    }

    private static string UserId(int index) => "user-" + index.ToString("D3", CultureInfo.InvariantCulture);

    private static string RoomName(int index) => "Room " + index.ToString("D2", CultureInfo.InvariantCulture);
}
