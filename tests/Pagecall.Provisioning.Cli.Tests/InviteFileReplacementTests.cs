using Microsoft.Extensions.Logging;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// An existing invite file, or a symbolic link in its place, is replaced by a new file readable by its owner only.
/// </summary>
public sealed class InviteFileReplacementTests : IDisposable
{
    private const string ApiKey = "output-path-test-key";

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task InvitesReplaceFileAndLink()
    {
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        _folder.Write("old.csv", "previous content\n");
        _folder.Write("target.txt", "must stay\n");
        File.CreateSymbolicLink(Path.Combine(_folder.Path, "link.csv"), "target.txt");

        await using var emulator = await StartEmulatorAsync(RequestLogCounter.All());
        var toFile = await ApplyAsync(emulator, "--invites", "old.csv");
        var toLink = await ApplyAsync(emulator, "--invites", "link.csv");

        Assert.True(toFile.ExitCode == 0, toFile.ToString());
        Assert.True(toLink.ExitCode == 0, toLink.ToString());
        Assert.StartsWith("room_name,room_id,user_id,member_type,url", _folder.Read("old.csv"));
        Assert.StartsWith("room_name,room_id,user_id,member_type,url", _folder.Read("link.csv"));
        Assert.Equal("must stay\n", _folder.Read("target.txt"));
        Assert.Null(new FileInfo(Path.Combine(_folder.Path, "link.csv")).LinkTarget);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(_folder.Path, "old.csv")));
        }
    }

    public void Dispose() => _folder.Dispose();

    private Task<CliResult> ApplyAsync(PagecallEmulator emulator, string option, string path) =>
        CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "apply", "workspace.yaml", "--api-url", emulator.ApiBaseAddress.ToString(), option, path);

    private static Task<PagecallEmulator> StartEmulatorAsync(RequestLogCounter requests) =>
        PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = [ApiKey], ConfigureLogging = logging => logging.AddProvider(requests) },
            TestContext.Current.CancellationToken);
}
