using System.Net;

namespace Pagecall.Emulator.Tests;

public sealed class PersistenceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pagecall-emulator-").FullName;

    private string DataFile => Path.Combine(_folder, "state.json");

    [Fact]
    public async Task StateSurvivesRestart()
    {
        string roomId;
        string accessToken;
        await using (var first = await TestEmulator.StartAsync(dataFile: DataFile))
        {
            var user = await first.Client.CreateUserAsync("kept", name: "Kept");
            accessToken = user["access_token"].Text();
            var room = await first.Client.CreateRoomAsync("private", "Persisted", "kept");
            roomId = room["id"].Text();
            await first.Client.PutApiAsync($"rooms/{roomId}/members/kept", """{"type":"host"}""");
        }

        await using var second = await TestEmulator.StartAsync(dataFile: DataFile);
        var userAfter = await second.Client.GetApiAsync("users/kept");
        var roomAfter = await second.Client.GetApiAsync($"rooms/{roomId}");
        var memberAfter = await second.Client.GetApiAsync($"rooms/{roomId}/members/kept");

        Assert.Equal(accessToken, userAfter.Json["user"]!["access_token"].Text());
        Assert.Equal("Persisted", roomAfter.Json["room"]!["name"].Text());
        Assert.Equal("host", memberAfter.Json["member"]!["type"].Text());
    }

    [Fact]
    public async Task EachAcknowledgedWriteIsOnDisk()
    {
        await using var emulator = await TestEmulator.StartAsync(dataFile: DataFile);

        await emulator.Client.CreateUserAsync("on-disk");

        var text = await File.ReadAllTextAsync(DataFile, TestContext.Current.CancellationToken);
        Assert.Contains("\"on-disk\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestEmulator.ApiKey, text, StringComparison.Ordinal);
        Assert.Equal(["state.json", "state.json.lock"], Directory.GetFiles(_folder).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task SecondEmulatorOnSameFileFails()
    {
        await using (var first = await TestEmulator.StartAsync(dataFile: DataFile))
        {
            var failure = await Assert.ThrowsAsync<EmulatorStartupException>(
                () => TestEmulator.StartAsync(dataFile: DataFile));

            Assert.Contains("is in use by another emulator run", failure.Message);
            Assert.Contains(DataFile, failure.Message);
            await first.Client.CreateUserAsync("first-run");
        }

        await using var after = await TestEmulator.StartAsync(dataFile: DataFile);
        var user = await after.Client.GetApiAsync("users/first-run");
        Assert.Equal(HttpStatusCode.OK, user.Status);
    }

    [Fact]
    public async Task UnparsableFileReleasesLock()
    {
        await File.WriteAllTextAsync(DataFile, "{", TestContext.Current.CancellationToken);
        await Assert.ThrowsAsync<EmulatorStartupException>(() => TestEmulator.StartAsync(dataFile: DataFile));
        File.Delete(DataFile);

        await using var emulator = await TestEmulator.StartAsync(dataFile: DataFile);

        Assert.True(File.Exists(DataFile));
    }

    [Fact]
    public async Task StateFilesAreOwnerOnly()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not apply on Windows.");
            return;
        }

        await using var emulator = await TestEmulator.StartAsync(dataFile: DataFile);
        await emulator.Client.CreateUserAsync("private");

        const UnixFileMode ownerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(ownerOnly, File.GetUnixFileMode(DataFile));
        Assert.Equal(ownerOnly, File.GetUnixFileMode(DataFile + ".lock"));
    }

    [Fact]
    public async Task ExistingWorldReadableFileIsRestricted()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes do not apply on Windows.");
            return;
        }

        await using (await TestEmulator.StartAsync(dataFile: DataFile))
        {
        }

        File.SetUnixFileMode(DataFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead
            | UnixFileMode.OtherRead);

        await using var emulator = await TestEmulator.StartAsync(dataFile: DataFile);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(DataFile));
    }

    [Fact]
    public async Task DeletionsArePersisted()
    {
        await using (var first = await TestEmulator.StartAsync(dataFile: DataFile))
        {
            await first.Client.CreateUserAsync("gone");
            await first.Client.DeleteApiAsync("users/gone");
        }

        await using var second = await TestEmulator.StartAsync(dataFile: DataFile);
        Assert.Equal(HttpStatusCode.NotFound, (await second.Client.GetApiAsync("users/gone")).Status);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("null")]
    [InlineData("""{"version":99,"users":[],"rooms":[],"members":[],"sessions":[]}""")]
    [InlineData("""{"version":1,"users":[{"user_id":"missing the rest"}]}""")]
    public async Task UnreadableFileFailsStartup(string content)
    {
        await File.WriteAllTextAsync(DataFile, content, TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<EmulatorStartupException>(() => TestEmulator.StartAsync(dataFile: DataFile));

        Assert.Contains(DataFile, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnparsableFileErrorNamesLineAndColumn()
    {
        await File.WriteAllTextAsync(DataFile, "{\n  \"version\": 1,\n  users: []\n}", TestContext.Current.CancellationToken);

        var error = await Assert.ThrowsAsync<EmulatorStartupException>(() => TestEmulator.StartAsync(dataFile: DataFile));

        Assert.Contains(DataFile, error.Message, StringComparison.Ordinal);
        Assert.Contains("At line 3, column 3", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Assert.Contains("Repair or delete the file", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingFileIsCreatedAtStartup()
    {
        var nested = Path.Combine(_folder, "new-folder", "state.json");

        await using var emulator = await TestEmulator.StartAsync(dataFile: nested);

        Assert.True(File.Exists(nested));
    }

    [Fact]
    public async Task FolderPathFailsStartup()
    {
        var error = await Assert.ThrowsAsync<EmulatorStartupException>(() => TestEmulator.StartAsync(dataFile: _folder));

        Assert.Contains(_folder, error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
