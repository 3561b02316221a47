using System.Text.RegularExpressions;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// The documented commands write the invite file outside the checkout, and the docs describe its line endings as
/// the CLI writes them.
/// </summary>
public sealed partial class InviteDocsTests : IDisposable
{
    private const string ApiKey = "invite-docs-key-71c4";

    private static readonly string[] s_documents = ["README.md", "docs/cli.md", "engine/Pagecall.Provisioning.Cli/README.md"];

    private readonly TempFolder _folder = new();

    [Fact]
    public void ExamplesWriteInvitesOutsideCheckout()
    {
        foreach (var document in s_documents)
        {
            var text = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, document));

            foreach (Match match in InvitesArgument().Matches(text))
            {
                var path = match.Groups["path"].Value;
                Assert.True(
                    path is "FILE" || path.StartsWith('~') || path.StartsWith("\"$RUNNER_TEMP/", StringComparison.Ordinal),
                    $"{document}: --invites {path} writes into the current folder, which is the checkout.");
            }
        }
    }

    [Fact]
    public void ReadmeKeepsTwoSetUpBlocks()
    {
        var readme = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "README.md"));
        var start = readme.IndexOf("## Set up", StringComparison.Ordinal);
        var end = readme.IndexOf("\n## ", start + 1, StringComparison.Ordinal);

        Assert.True(start >= 0, "README.md has no Set up section.");
        Assert.Equal(2, Regex.Count(readme[start..end], "^```sh$", RegexOptions.Multiline));
    }

    [Fact]
    public async Task DocumentedLineEndingsMatchFile()
    {
        var docs = File.ReadAllText(Path.Combine(CliProcess.RepositoryRoot, "docs/cli.md"));
        var result = await CliProcess.RunAsync(
            _folder.Path,
            new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
            "apply", CliProcess.SampleManifest, "--emulator", "--invites", "invites.csv");

        Assert.True(result.ExitCode == 0, result.ToString());
        var written = _folder.Read("invites.csv");
        Assert.EndsWith("\r\n", written);
        Assert.DoesNotContain("\n", written.Replace("\r\n", "", StringComparison.Ordinal));
        Assert.Contains("Lines end with CRLF", docs);
        Assert.Contains("tr -d '\\r' < ~/pagecall-invites.csv", docs);
    }

    public void Dispose() => _folder.Dispose();

    [GeneratedRegex(@"--invites (?<path>""[^""]*""|[^\s`]+)")]
    private static partial Regex InvitesArgument();
}
