using Microsoft.Extensions.Logging;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// The --invites and --journal paths of apply. A folder or a missing parent folder is rejected before any request.
/// An existing invite file, or a symbolic link in its place, is replaced by a new file readable by its owner only.
/// </summary>
public sealed class OutputPathTests : IDisposable
{
    private const string ApiKey = "output-path-test-key";

    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("--invites", "links", "is a folder. Pass the path of a file in it")]
    [InlineData("--journal", "links", "is a folder. Pass the path of a file in it")]
    [InlineData("--invites", "absent/invites.csv", "which does not exist. Create the folder first")]
    [InlineData("--journal", "absent/journal.jsonl", "which does not exist. Create the folder first")]
    public async Task InvalidOutputPathSendsNothing(string option, string path, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "links"));
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        var requests = RequestLogCounter.All();

        CliResult result;
        await using (var emulator = await StartEmulatorAsync(requests))
        {
            result = await ApplyAsync(emulator, option, path);
        }

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Contains($"error: {option} \"{path}\" ", result.Error);
        Assert.Contains(problem, result.Error);
        Assert.Equal(0, requests.Count);
    }

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
