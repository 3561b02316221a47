using System.Text.RegularExpressions;
using Pagecall.Packaging.Tests.Infrastructure;

namespace Pagecall.Packaging.Tests;

/// <summary>
/// Packs pagecall-provision as a .NET tool, installs it from a folder feed with <c>dotnet tool install</c>, and
/// runs the installed command against the emulator that it starts with <c>--emulator</c>.
/// </summary>
public sealed partial class CliToolTests(PackagingFixture fixture)
{
    private static readonly TimeSpan s_commandTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task InstalledToolPrintsHelp()
    {
        var tool = await fixture.InstallToolAsync();

        var help = await RunToolAsync(tool, fixture.ScratchRoot, "--help");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("pagecall-provision", help.Output, StringComparison.Ordinal);
        Assert.Contains("apply", help.Output, StringComparison.Ordinal);
        Assert.Contains("--emulator", help.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InstalledToolAppliesManifest()
    {
        var tool = await fixture.InstallToolAsync();
        var workingDirectory = Directory.CreateTempSubdirectory("pagecall-tool-apply-").FullName;
        try
        {
            File.Copy(RepositoryPaths.TutoringManifest, Path.Combine(workingDirectory, "workspace.yaml"));

            var apply = await RunToolAsync(tool, workingDirectory, "apply", "workspace.yaml", "--emulator");
            Assert.True(apply.ExitCode == 0, $"apply exited with {apply.ExitCode}:\n{apply.Output}");

            // The emulator stores its data in the working folder, so a second command reads the applied workspace.
            var dataFile = Path.Combine(workingDirectory, ".pagecall", "emulator.json");
            Assert.True(File.Exists(dataFile), $"The emulator data file {dataFile} is missing.");
            var plan = await RunToolAsync(
                tool, workingDirectory, "plan", "workspace.yaml", "--emulator", "--detailed-exitcode");
            Assert.True(plan.ExitCode == 0, $"plan after apply exited with {plan.ExitCode}:\n{plan.Output}");

            // The data file stores every user's access token, and none may appear in the tool's output.
            var accessTokens = AccessTokenField().Matches(await File.ReadAllTextAsync(dataFile, TestContext.Current.CancellationToken))
                .Select(match => match.Groups["token"].Value)
                .ToList();
            Assert.NotEmpty(accessTokens);
            foreach (var accessToken in accessTokens)
            {
                Assert.DoesNotContain(accessToken, apply.Output, StringComparison.Ordinal);
                Assert.DoesNotContain(accessToken, plan.Output, StringComparison.Ordinal);
            }
        }
        finally
        {
            Directory.Delete(workingDirectory, recursive: true);
        }
    }

    private static Task<ProcessResult> RunToolAsync(InstalledTool tool, string workingDirectory, params string[] arguments)
    {
        var environment = new Dictionary<string, string?>(PackagingFixture.BaseEnvironment)
        {
            ["PAGECALL_API_KEY"] = null,
            ["NO_COLOR"] = "1",
        };
        var startInfo = DotnetProcess.CreateStartInfoFor(tool.CommandPath, workingDirectory, environment, arguments);
        return DotnetProcess.RunAsync(startInfo, s_commandTimeout);
    }

    [GeneratedRegex("\"access_token\"\\s*:\\s*\"(?<token>[^\"]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex AccessTokenField();
}
