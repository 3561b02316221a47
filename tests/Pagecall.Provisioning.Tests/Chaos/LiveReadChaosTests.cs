using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Tests.Http;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>Reads of the live workspace through the resilient client while the emulator injects faults.</summary>
public sealed class LiveReadChaosTests
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ReadUnderFaultsMatchesCleanRead()
    {
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.MaxConcurrency = 1;
            options.RetryBaseDelay = TimeSpan.FromMilliseconds(2);
            options.MaxRetryDelay = TimeSpan.FromMilliseconds(20);
        });
        var loaded = ManifestLoader.Parse(GeneratedManifest.Yaml(250, 40, 4), "generated.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        await SeedAsync(harness.Client, loaded.Manifest!);
        var clean = await new LiveWorkspaceReader(harness.Client).ReadAsync(loaded.Manifest!, Token);

        harness.Emulator.Faults = ChaosFaults.Mix(seed: 77);
        var faulty = await new LiveWorkspaceReader(harness.Client, pageSize: 30).ReadAsync(loaded.Manifest!, Token);

        await harness.ServerLog.SettleAsync();
        var statuses = harness.ServerLog.Requests.Select(request => request.StatusCode).ToList();
        Assert.Contains(429, statuses);
        Assert.Contains(500, statuses);
        Assert.Contains(503, statuses);
        Assert.Equal(250, faulty.Users.Count);
        Assert.Equal(40, faulty.Rooms.Count);
        Assert.Equal(Describe(clean), Describe(faulty));
    }

    /// <summary>Creates the manifest's users and rooms, with their members, without faults.</summary>
    private static async Task SeedAsync(IPagecallClient client, WorkspaceManifest manifest)
    {
        foreach (var user in manifest.Users!)
        {
            await client.CreateUserAsync(new CreateUserRequest { UserId = user.UserId, Name = user.Name }, Token);
        }

        foreach (var room in manifest.Rooms!)
        {
            var members = room.Members!
                .Select(member => new RoomMemberInput
                {
                    UserId = member.UserId,
                    Type = new Pagecall.Api.MemberType(member.Type.ToWireName()),
                })
                .ToList();
            var request = new CreateRoomRequest
            {
                Name = room.Name,
                Type = new Pagecall.Api.RoomType(room.Type.ToWireName()),
                Members = members,
            };
            await client.CreateRoomAsync(request, Token);
        }
    }

    /// <summary>Lists every user, room and member as text, in a stable order, for comparing two reads.</summary>
    private static List<string> Describe(LiveWorkspace workspace)
    {
        var lines = workspace.Users.Select(user => $"user {user.Id} {user.UserId} {user.Name}").ToList();
        foreach (var room in workspace.Rooms)
        {
            lines.Add($"room {room.Id} {room.Name}");
            lines.AddRange((room.Members ?? []).Select(member => $"member {room.Id} {member.Id} {member.UserId} {member.Type}"));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }
}
