using System.Diagnostics;
using System.Text;

namespace Pagecall.Packaging.Tests.Infrastructure;

/// <summary>The exit code and the combined standard output and error of a finished process.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Standard output and standard error, line by line in arrival order.</param>
internal sealed record ProcessResult(int ExitCode, string Output)
{
    /// <summary>The lines of the output that MSBuild prints for warnings.</summary>
    public IReadOnlyList<string> Warnings =>
        Output.Split('\n').Where(line => line.Contains(": warning ", StringComparison.Ordinal)).Distinct().ToList();
}

/// <summary>Runs the <c>dotnet</c> host as a child process, with a clean MSBuild environment.</summary>
internal static class DotnetProcess
{
    /// <summary>The variables that the test host sets for its own MSBuild, which a child build must not inherit.</summary>
    private static readonly string[] s_inheritedMsBuildVariables =
        ["MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH", "MSBuildLoadMicrosoftTargetsReadOnly"];

    /// <summary>Creates the start information for <c>dotnet</c> with the given arguments and environment.</summary>
    /// <param name="workingDirectory">The working folder.</param>
    /// <param name="environment">Variables to set, or to remove when the value is null.</param>
    /// <param name="arguments">The arguments after <c>dotnet</c>.</param>
    /// <returns>The start information, with standard output and error redirected.</returns>
    public static ProcessStartInfo CreateStartInfo(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        CreateStartInfoFor("dotnet", workingDirectory, environment, arguments);

    /// <summary>Creates the start information for a program, such as an installed .NET tool.</summary>
    /// <param name="fileName">The program.</param>
    /// <param name="workingDirectory">The working folder.</param>
    /// <param name="environment">Variables to set, or to remove when the value is null.</param>
    /// <param name="arguments">The arguments.</param>
    /// <returns>The start information, with standard output and error redirected.</returns>
    public static ProcessStartInfo CreateStartInfoFor(
        string fileName, string workingDirectory, IReadOnlyDictionary<string, string?> environment, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var name in s_inheritedMsBuildVariables)
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";
        startInfo.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                startInfo.Environment.Remove(name);
            }
            else
            {
                startInfo.Environment[name] = value;
            }
        }

        return startInfo;
    }

    /// <summary>Runs <c>dotnet</c> to the end and returns its exit code and output.</summary>
    /// <param name="workingDirectory">The working folder.</param>
    /// <param name="environment">Variables to set, or to remove when the value is null.</param>
    /// <param name="timeout">The time after which the process tree is killed and the test fails.</param>
    /// <param name="arguments">The arguments after <c>dotnet</c>.</param>
    /// <returns>The exit code and the output.</returns>
    public static Task<ProcessResult> RunAsync(
        string workingDirectory,
        IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout,
        params string[] arguments) =>
        RunAsync(CreateStartInfo(workingDirectory, environment, arguments), timeout);

    /// <summary>Runs a process to the end and returns its exit code and output.</summary>
    /// <param name="startInfo">The start information, from <see cref="CreateStartInfoFor"/>.</param>
    /// <param name="timeout">The time after which the process tree is killed and the test fails.</param>
    /// <returns>The exit code and the output.</returns>
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, TimeSpan timeout)
    {
        var arguments = startInfo.ArgumentList;
        using var process = new OutputCapturingProcess(startInfo);
        using var timeoutSource = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException)
        {
            await process.KillAsync();
            throw new TimeoutException(
                $"{startInfo.FileName} {string.Join(' ', arguments)} timed out after {timeout}. Output:\n{process.Output}");
        }

        return new ProcessResult(process.ExitCode, process.Output);
    }
}

/// <summary>
/// A started process whose standard output and error are read into one buffer as they arrive, so a test can wait
/// for a line and read everything the process printed.
/// </summary>
internal sealed class OutputCapturingProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _readOutput;
    private readonly Task _readError;

    /// <summary>Starts the process.</summary>
    /// <param name="startInfo">Start information with redirected standard output and error.</param>
    public OutputCapturingProcess(ProcessStartInfo startInfo)
    {
        _process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Failed to start {startInfo.FileName}.");
        _readOutput = PumpAsync(_process.StandardOutput);
        _readError = PumpAsync(_process.StandardError);
    }

    /// <summary>Everything the process printed so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The exit code, once the process has exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Waits for the process to exit and for its output to be read to the end.</summary>
    /// <param name="cancellationToken">Stops the wait, not the process.</param>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task WaitForExitAsync(CancellationToken cancellationToken)
    {
        await _process.WaitForExitAsync(cancellationToken);
        await Task.WhenAll(_readOutput, _readError);
    }

    /// <summary>Kills the process tree, if it still runs, and waits until its output is read.</summary>
    /// <returns>A task that completes when the process has exited.</returns>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await WaitForExitAsync(CancellationToken.None);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.Dispose();
    }

    private async Task PumpAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (_output)
            {
                _output.Append(line).Append('\n');
            }
        }
    }
}
