using System.Text;
using Microsoft.Extensions.Logging;
using System.Text.RegularExpressions;
using Pagecall.Emulator;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// Hostile and broken manifest files given to apply: each is reported as file:line:column with its code, the CLI
/// exits with 3, and the emulator behind --api-url receives no request at all.
/// </summary>
public sealed partial class BadManifestTests : IDisposable
{
    private const string ApiKey = "bad-manifest-test-key";

    private readonly TempFolder _folder = new();

    public static TheoryData<string, string, string> Cases => new()
    {
        { "empty", "PM007", "" },
        { "list", "PM008", "- user_id: ann\n" },
        { "scalar", "PM008", "workspace\n" },
        { "bom-crlf", "PM017", "\uFEFFversion: 1\r\nusers:\r\n  - user_id: ann\r\n    default_member_type: hots\r\n" },
        { "tab", "PM002", "version: 1\nusers:\n\t- user_id: ann\n" },
        { "two-documents", "PM009", "version: 1\n---\nversion: 1\n" },
        { "deep", "PM006", "version: 1\nusers: " + new string('[', 5000) + new string(']', 5000) + "\n" },
        { "laughs", "PM005", BillionLaughs() },
        { "undefined-alias", "PM030", "version: 1\nusers: *missing\n" },
        { "null-name", "PM029", "version: 1\nrooms:\n  - name: ~\n    type: open\n" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task BadManifestSendsNothing(string name, string code, string text)
    {
        var file = _folder.Write(name + ".yaml", text);

        var (result, requests) = await ApplyAsync(file);

        AssertRejected(result, requests, file, code);
    }

    [Fact]
    public async Task InvalidUtf8SendsNothing()
    {
        File.WriteAllBytes(Path.Combine(_folder.Path, "latin1.yaml"), [.. "version: 1\nusers:\n  - user_id: caf"u8, 0xE9, 0x0A]);

        var (result, requests) = await ApplyAsync("latin1.yaml");

        AssertRejected(result, requests, "latin1.yaml", "PM004");
        Assert.Contains("latin1.yaml:3:17: error PM004:", result.Error);
        Assert.Contains("invalid byte 0xE9", result.Error);
    }

    [Fact]
    public async Task HugeFileSendsNothing()
    {
        var text = new StringBuilder("version: 1\nusers:\n");
        while (text.Length <= 5 * 1024 * 1024)
        {
            text.Append("  - user_id: ann\n");
        }

        var file = _folder.Write("huge.yaml", text.ToString());

        var (result, requests) = await ApplyAsync(file);

        AssertRejected(result, requests, file, "PM003");
        Assert.Contains("larger than the limit of 4194304 bytes", result.Error);
        Assert.Contains("Shorten the file by removing comments and optional fields", result.Error);
        Assert.Contains("pagecall-provision has no option to raise the limit.", result.Error);
        Assert.Contains("Removing a user or a room from the manifest only stops managing it", result.Error);
        Assert.DoesNotContain("Remove entries the workspace no longer needs", result.Error);
    }

    [Fact]
    public async Task FolderSendsNothing()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Path, "workspace"));

        var (result, requests) = await ApplyAsync("workspace");

        AssertRejected(result, requests, "workspace", "PM031");
        Assert.Contains("the path is a folder, not a file", result.Error);
    }

    [Fact]
    public async Task MissingFileSendsNothing()
    {
        var (result, requests) = await ApplyAsync("absent.yaml");

        AssertRejected(result, requests, "absent.yaml", "PM031");
        Assert.Contains("the file does not exist", result.Error);
    }

    [Fact]
    public async Task UnreadableFileSendsNothing()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Skip("Unix file modes make the file unreadable, and Windows has none.");
            return;
        }

        var file = _folder.Write("locked.yaml", "version: 1\n");
        var path = Path.Combine(_folder.Path, file);
        File.SetUnixFileMode(path, UnixFileMode.None);
        try
        {
            using var probe = File.OpenRead(path);
            Assert.Skip("The test runs as a user who can read a file with mode 000, such as root.");
        }
        catch (UnauthorizedAccessException)
        {
            // The expected case: the file cannot be read, by the CLI either.
        }

        var (result, requests) = await ApplyAsync(file);

        AssertRejected(result, requests, file, "PM031");
    }

    public void Dispose() => _folder.Dispose();

    private static void AssertRejected(CliResult result, int requests, string file, string code)
    {
        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.Equal(0, requests);
        Assert.Equal("", result.Output);
        Assert.Matches(DiagnosticLine(), result.Error);
        Assert.Contains($"error {code}: ", result.Error);
        Assert.StartsWith(file + ":", result.Error);
    }

    /// <summary>Applies <paramref name="file"/> against a new emulator and returns the result and its request count.</summary>
    private async Task<(CliResult Result, int Requests)> ApplyAsync(string file)
    {
        var requests = RequestLogCounter.All();
        CliResult result;
        await using (var emulator = await PagecallEmulator.StartAsync(
            new EmulatorOptions { ApiKeys = [ApiKey], ConfigureLogging = logging => logging.AddProvider(requests) },
            TestContext.Current.CancellationToken))
        {
            result = await CliProcess.RunAsync(
                _folder.Path,
                new Dictionary<string, string?> { ["PAGECALL_API_KEY"] = ApiKey },
                "apply", file, "--api-url", emulator.ApiBaseAddress.ToString());
        }

        // The emulator can log a request after the client has its response, so a line could be missing when the CLI
        // exits. Stopping the emulator waits for every request and so for every line.
        return (result, requests.Count);
    }

    /// <summary>Returns a manifest whose aliases would expand to ten billion nodes.</summary>
    private static string BillionLaughs()
    {
        var yaml = new StringBuilder("version: 1\na0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level < 10; level++)
        {
            var previous = $"*a{level - 1}";
            yaml.Append($"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        return yaml.ToString();
    }

    [GeneratedRegex(@"^[^\s:]+:\d+:\d+: error PM\d{3}: .+$", RegexOptions.Multiline)]
    private static partial Regex DiagnosticLine();
}
