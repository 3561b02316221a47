using System.Diagnostics;
using System.Text;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Output on a terminal. The CLI runs under util-linux <c>script</c>, which gives it a pseudo-terminal as standard
/// output, so it takes the same path as in an interactive shell: colour unless <c>NO_COLOR</c> is set, and a
/// redrawn status line during apply unless <c>CI</c> is set.
/// </summary>
public sealed class TerminalOutputTests : IDisposable
{
    private const string ScriptPath = "/usr/bin/script";
    private const string Reset = "\u001b[0m";

    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(120);

    private readonly TempFolder _folder = new();

    [Fact]
    public async Task TerminalApplyIsColouredAndLive()
    {
        SkipWithoutScript();
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));

        var (exitCode, output) = await RunOnTerminalAsync(new Dictionary<string, string>(), "apply", "workspace.yaml", "--emulator");

        Assert.True(exitCode == 0, output);
        Assert.Contains("\u001b[32m+" + Reset + " user[\"mentor-ashley\"]", output, StringComparison.Ordinal);
        Assert.Contains("\r\u001b[2KApplying: 56 of 56 done, 56 succeeded, 0 failed, 0 skipped.", output,
            StringComparison.Ordinal);
        Assert.DoesNotContain("succeeded create user[", output, StringComparison.Ordinal);
        Assert.Contains("Apply: 56 succeeded, 0 failed, 0 skipped.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoColorAndCiTurnOffTerminalFeatures()
    {
        SkipWithoutScript();
        File.Copy(CliProcess.SampleManifest, Path.Combine(_folder.Path, "workspace.yaml"));
        var environment = new Dictionary<string, string> { ["NO_COLOR"] = "1", ["CI"] = "true" };

        var (exitCode, output) = await RunOnTerminalAsync(environment, "apply", "workspace.yaml", "--emulator");

        Assert.True(exitCode == 0, output);
        Assert.Contains("+ user[\"mentor-ashley\"]", output, StringComparison.Ordinal);
        Assert.DoesNotContain(Reset, output, StringComparison.Ordinal);
        Assert.Contains("succeeded create user[\"mentor-ashley\"]", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Applying: ", output, StringComparison.Ordinal);
        Assert.Contains("Apply: 56 succeeded, 0 failed, 0 skipped.", output, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static void SkipWithoutScript()
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(ScriptPath))
        {
            Assert.Skip($"A pseudo-terminal needs util-linux script at {ScriptPath}, which this machine does not have.");
        }
    }

    /// <summary>
    /// Runs the CLI on a pseudo-terminal and returns its exit code and everything it wrote to the terminal. The
    /// environment has <c>CI</c>, <c>NO_COLOR</c> and <c>PAGECALL_API_KEY</c> removed, then
    /// <paramref name="environment"/> added.
    /// </summary>
    private async Task<(int ExitCode, string Output)> RunOnTerminalAsync(
        IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var command = new StringBuilder(Quote(dotnet)).Append(' ').Append(Quote(CliProcess.AssemblyPath));
        foreach (var argument in arguments)
        {
            command.Append(' ').Append(Quote(argument));
        }

        // -q leaves out the start and end notes, -e returns the exit code of the command, and /dev/null keeps the
        // typescript file out of the working folder.
        var start = new ProcessStartInfo(ScriptPath)
        {
            WorkingDirectory = _folder.Path,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-q", "-e", "-c", command.ToString(), "/dev/null" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var name in new[] { "CI", "NO_COLOR", "PAGECALL_API_KEY" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("script did not start.");
        process.StandardInput.Close();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_timeout);
        var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var error = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"pagecall-provision {string.Join(' ', arguments)} did not exit in {s_timeout}.");
        }

        return (process.ExitCode, await output + await error);
    }

    /// <summary>Quotes an argument for the POSIX shell that <c>script -c</c> runs the command with.</summary>
    private static string Quote(string argument) => "'" + argument.Replace("'", "'\"'\"'", StringComparison.Ordinal) + "'";
}
