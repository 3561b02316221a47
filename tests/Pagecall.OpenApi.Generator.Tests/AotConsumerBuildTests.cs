using System.Diagnostics;
using System.Text;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Builds tests/fixtures/ConsumerApp with <c>dotnet build</c>: a real MSBuild consumer of the generator with the
/// trim and AOT analyzers on and warnings as errors. It proves that the props import exposes ClientName, that
/// YamlDotNet reaches the compiler through GetDependencyTargetPaths, and that the generated code needs no reflection.
/// </summary>
public sealed class AotConsumerBuildTests
{
    private static readonly TimeSpan s_buildTimeout = TimeSpan.FromMinutes(5);

    [Fact]
    public async Task ConsumerBuildsWithoutWarnings()
    {
        var project = Path.Combine(RepositoryPaths.Fixtures, "ConsumerApp", "ConsumerApp.csproj");
        var scratch = Directory.CreateTempSubdirectory("pagecall-consumer-");
        try
        {
            // The artifacts path reaches the referenced generator project as well, so both build into their own
            // folders under the scratch folder and never touch the bin and obj folders other builds use.
            var (exitCode, output) = await RunDotnetAsync(
                "build", project,
                "--artifacts-path", scratch.FullName,
                "--disable-build-servers", "-nodeReuse:false", "-clp:NoSummary;ErrorsOnly;WarningsOnly");

            Assert.True(exitCode == 0, $"dotnet build failed with exit code {exitCode}:\n{output}");
            var warnings = output.Split('\n')
                .Where(line => line.Contains(": warning ", StringComparison.Ordinal)).ToList();
            Assert.True(warnings.Count == 0, "dotnet build reported warnings:\n" + string.Join("\n", warnings));

            // Run the built program: it serializes a request and round-trips a user with an unknown enum value.
            var program = Path.Combine(scratch.FullName, "bin", "ConsumerApp", "debug", "ConsumerApp.dll");
            var (runExitCode, runOutput) = await RunDotnetAsync(program);
            Assert.True(runExitCode == 0, $"ConsumerApp failed with exit code {runExitCode}:\n{runOutput}");
            Assert.Equal(
                [
                    """{"user_id":"user-1","default_member_type":"host"}""",
                    "known=False",
                    """{"user_id":"user-1","default_member_type":"moderator","extra":[1,2]}""",
                ],
                runOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
    }

    private static async Task<(int ExitCode, string Output)> RunDotnetAsync(params string[] arguments)
    {
        var startInfo = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = RepositoryPaths.Root,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        // The test host runs under MSBuild-related variables of its own; the child build must pick its own.
        foreach (var name in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" })
        {
            startInfo.Environment.Remove(name);
        }

        startInfo.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        startInfo.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException("dotnet could not be started.");
        var output = new StringBuilder();
        var readOutput = PumpAsync(process.StandardOutput, output);
        var readError = PumpAsync(process.StandardError, output);

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(s_buildTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
            await Task.WhenAll(readOutput, readError);
            Assert.Fail($"dotnet {arguments[0]} did not finish within {s_buildTimeout}:\n{output}");
        }

        await Task.WhenAll(readOutput, readError);
        return (process.ExitCode, output.ToString());
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder sink)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (sink)
            {
                sink.Append(line).Append('\n');
            }
        }
    }
}
