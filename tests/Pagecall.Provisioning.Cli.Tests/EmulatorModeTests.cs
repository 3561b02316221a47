using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>The data folder and the data file lock of <c>--emulator</c>.</summary>
public sealed class EmulatorModeTests : IDisposable
{
    private readonly TempFolder _folder = new();

    private string DataFolder => Path.Combine(_folder.Path, ".pagecall");

    [Fact]
    public async Task SecondRunOnSameFolderFails()
    {
        await using var running = await PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = ["cli-lock-key-4e2a"], DataFile = Path.Combine(DataFolder, "emulator.json") },
            TestContext.Current.CancellationToken);

        var result = await CliProcess.RunAsync(_folder.Path, "apply", CliProcess.SampleManifest, "--emulator");

        Assert.Equal(1, result.ExitCode);
        var dataFile = Path.Combine(Path.GetFullPath(DataFolder), "emulator.json");
        Assert.StartsWith(
            $"error: The local emulator did not start, because another run is using its data file {dataFile}. ",
            result.Error);
        Assert.Contains("Wait for the other pagecall-provision --emulator command in this folder to end", result.Error);
        Assert.Contains("or run from another folder", result.Error);
        Assert.DoesNotContain("--data", result.Error);
        Assert.DoesNotContain("Using the local Pagecall emulator", result.Error);
    }

    [Fact]
    public async Task EmulatorLineShowsFullDataPath()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "plan", CliProcess.SampleManifest, "--emulator");

        Assert.True(result.ExitCode == 0, result.ToString());
        var dataFile = Path.Combine(Path.GetFullPath(DataFolder), "emulator.json");
        Assert.Contains($" with data in {dataFile}.", result.Error);
    }

    [Fact]
    public async Task DataFolderIsIgnoredAndPrivate()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "apply", CliProcess.SampleManifest, "--emulator");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("*\n", File.ReadAllText(Path.Combine(DataFolder, ".gitignore")));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(
                UnixFileMode.UserRead | UnixFileMode.UserWrite,
                File.GetUnixFileMode(Path.Combine(DataFolder, "emulator.json")));
        }
    }

    [Fact]
    public async Task ExistingDataFolderKeepsItsFiles()
    {
        Directory.CreateDirectory(DataFolder);

        var result = await CliProcess.RunAsync(_folder.Path, "plan", CliProcess.SampleManifest, "--emulator");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.False(File.Exists(Path.Combine(DataFolder, ".gitignore")));
    }

    public void Dispose() => _folder.Dispose();
}
