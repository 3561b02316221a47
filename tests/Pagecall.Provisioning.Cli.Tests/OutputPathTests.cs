namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>Output paths that cannot be written fail the command before the emulator starts or any request.</summary>
public sealed class OutputPathTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("apply", "--invites", "missing/invites.csv", "does not exist")]
    [InlineData("apply", "--journal", "missing/journal.jsonl", "does not exist")]
    [InlineData("apply", "--invites", "existing-folder", "is a folder")]
    [InlineData("apply", "--journal", "existing-folder", "is a folder")]
    [InlineData("plan", "--out", "missing/plan.md", "does not exist")]
    [InlineData("plan", "--out", "existing-folder", "is a folder")]
    public async Task BadOutputPathExitsWith3(string command, string option, string path, string problem)
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "existing-folder"));

        var result = await CliProcess.RunAsync(
            _folder.Path, command, CliProcess.SampleManifest, "--emulator", option, path);

        Assert.Equal(3, result.ExitCode);
        Assert.StartsWith($"error: {option} \"{path}\" cannot be written: ", result.Error);
        Assert.Contains(problem, result.Error);
        Assert.DoesNotContain("Using the local Pagecall emulator", result.Error);
        Assert.False(Directory.Exists(Path.Combine(_folder.Path, ".pagecall")));
    }

    [Fact]
    public async Task WritableOutputPathsLeaveNoProbeFile()
    {
        var result = await CliProcess.RunAsync(
            _folder.Path, "apply", CliProcess.SampleManifest, "--emulator", "--invites", "invites.csv",
            "--journal", "journal.jsonl");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(File.Exists(Path.Combine(_folder.Path, "invites.csv")));
        Assert.True(File.Exists(Path.Combine(_folder.Path, "journal.jsonl")));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.probe"));
    }

    public void Dispose() => _folder.Dispose();
}
