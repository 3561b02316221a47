using System.Net;
using System.Text.Json;
using Pagecall.Provisioning.Invites;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Tests.Apply;

namespace Pagecall.Provisioning.Tests.Invites;

public sealed class InviteTests
{
    private const string Workspace = """
        version: 1
        users:
          - { user_id: ann, name: Ann }
          - { user_id: bob, name: Bob }
        rooms:
          - name: "=HYPERLINK(\"x\")"
            type: private
            members: [{ user_id: ann, type: host }, { user_id: bob }]
          - { name: "Lobby, main", type: open }

        """;

    [Fact]
    public async Task LinksAdmitTheirMembers()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (loaded, live) = await ApplyWorkspaceAsync(harness);

        var links = InviteLinks.Build(loaded.Manifest!, live, harness.Emulator.MeetAddress);

        Assert.Equal(["ann:host", "bob:guest"], links.Select(link => $"{link.UserId}:{link.MemberType}"));
        var room = live.Rooms.Single(room => room.Name.StartsWith('='));
        using var browser = new HttpClient();
        foreach (var link in links)
        {
            Assert.Equal(room.Id, link.RoomId);
            Assert.Equal(room.Name, link.RoomName);
            var token = live.Users.Single(user => user.UserId == link.UserId).AccessToken!.Value.Reveal();
            Assert.Equal(
                $"{harness.Emulator.MeetAddress}?room_id={room.Id}&access_token={Uri.EscapeDataString(token)}",
                link.Url.Reveal());
            Assert.DoesNotContain(token, link.ToString(), StringComparison.Ordinal);

            using var response = await browser.GetAsync(link.Url.Reveal(), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(
                await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
            Assert.Equal(link.UserId, body.RootElement.GetProperty("user_id").GetString());
            Assert.Equal(link.MemberType, body.RootElement.GetProperty("member_type").GetString());
        }
    }

    [Fact]
    public async Task DefaultBaseIsPagecallMeet()
    {
        await using var harness = await ApplyHarness.StartAsync();
        var (loaded, live) = await ApplyWorkspaceAsync(harness);

        var links = InviteLinks.Build(loaded.Manifest!, live);

        Assert.Equal(2, links.Count);
        Assert.All(links, link => Assert.StartsWith(
            $"https://app.pagecall.com/meet?room_id={link.RoomId}&access_token=", link.Url.Reveal(), StringComparison.Ordinal));
    }

    [Fact]
    public void JoinUrlEscapesAndKeepsQuery()
    {
        Assert.Equal(
            "https://app.pagecall.com/meet?room_id=r1&access_token=a%2Bb%2Fc%3D",
            InviteLinks.JoinUrl(InviteLinks.DefaultMeetBaseAddress, "r1", "a+b/c="));
        Assert.Equal(
            "http://127.0.0.1:4010/meet?lang=en&room_id=r%20x&access_token=t",
            InviteLinks.JoinUrl(new Uri("http://127.0.0.1:4010/meet?lang=en"), "r x", "t"));
    }

    [Fact]
    public void BuildBeforeApplyNamesMissingRoom()
    {
        var loaded = ApplyHarness.Load(Workspace);

        var error = Assert.Throws<InvalidOperationException>(
            () => InviteLinks.Build(loaded.Manifest!, LiveWorkspace.Empty, InviteLinks.DefaultMeetBaseAddress));

        Assert.Contains("Room \"=HYPERLINK(\\\"x\\\")\" does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run apply first", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("Lobby, main", "\"Lobby, main\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("two\nlines", "\"two\nlines\"")]
    [InlineData("=1+1", "'=1+1")]
    [InlineData("+cmd", "'+cmd")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("=A1,B1", "\"'=A1,B1\"")]
    [InlineData("", "")]
    public void FieldQuotesAndGuardsFormulas(string value, string expected)
    {
        Assert.Equal(expected, InviteFile.Field(value));
    }

    [Fact]
    public async Task FileIsOwnerOnlyCsv()
    {
        var folder = Directory.CreateTempSubdirectory("pagecall-invites-");
        try
        {
            var path = Path.Combine(folder.FullName, "invites.csv");
            await File.WriteAllTextAsync(path, "old", TestContext.Current.CancellationToken);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.OtherRead);
            }

            InviteLink[] links =
            [
                new("=cmd", "r1", "ann", "host", new SensitiveValue("https://x/meet?room_id=r1&access_token=t1")),
                new("Lobby, main", "r2", "bob", "guest", new SensitiveValue("https://x/meet?room_id=r2&access_token=t2")),
            ];

            await InviteFile.WriteAsync(path, links, TestContext.Current.CancellationToken);

            var text = await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(
                "room_name,room_id,user_id,member_type,url\r\n"
                + "'=cmd,r1,ann,host,https://x/meet?room_id=r1&access_token=t1\r\n"
                + "\"Lobby, main\",r2,bob,guest,https://x/meet?room_id=r2&access_token=t2\r\n",
                text);
            if (!OperatingSystem.IsWindows())
            {
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            }

            Assert.Equal(["invites.csv"], folder.EnumerateFileSystemInfos().Select(entry => entry.Name));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Applies <see cref="Workspace"/> and reads it back with the members of its rooms.</summary>
    private static async Task<(ManifestLoadResult Loaded, LiveWorkspace Live)> ApplyWorkspaceAsync(
        ApplyHarness harness)
    {
        var loaded = ApplyHarness.Load(Workspace);
        await harness.ApplyAsync(Workspace);
        return (loaded, await harness.ReadAsync(loaded));
    }
}
