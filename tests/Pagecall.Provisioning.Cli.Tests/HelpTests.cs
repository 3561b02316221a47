using System.Text.RegularExpressions;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>The <c>--help</c> text of each command.</summary>
public sealed class HelpTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Theory]
    [InlineData("plan", false)]
    [InlineData("apply", true)]
    public async Task HelpListsEnvironmentVariables(string command, bool listsCi)
    {
        var result = await CliProcess.RunAsync(_folder.Path, command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Environment variables:", result.Output);
        Assert.Contains("PAGECALL_API_KEY", result.Output);
        Assert.Contains("NO_COLOR", result.Output);
        Assert.Equal(listsCi, result.Output.Contains("  CI  ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RootHelpListsVariablesOnce()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Single(Regex.Matches(result.Output, "Environment variables:"));
        Assert.Single(Regex.Matches(result.Output, "PAGECALL_API_KEY  "));
    }

    [Fact]
    public async Task ValidateHelpNeedsNoApiKey()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "validate", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("no PAGECALL_API_KEY is needed", result.Output);
        Assert.DoesNotContain("Environment variables:", result.Output);
    }

    [Fact]
    public async Task AllowDestroyHelpNamesReplacement()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "apply", "--help");

        Assert.Contains("room replacements", result.Output);
        Assert.DoesNotContain("removing users", result.Output);
    }

    public void Dispose() => _folder.Dispose();
}
