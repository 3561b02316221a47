namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>Manifest errors: each is reported at its line and column, and the CLI exits with 3.</summary>
public sealed class ValidationTests : IDisposable
{
    private readonly TempFolder _folder = new();

    [Fact]
    public async Task ValidateReportsEveryErrorLocated()
    {
        var manifest = _folder.Write("workspace.yaml", """
            version: 1
            users:
              - user_id: ann
                name: Ann Lee
                profile_url: ftp://example.com/ann.png
                default_member_type: hots
              - user_id: ann
                nmae: Ann Again
            rooms:
              - name: Demo
                type: open
                members: ann
              - name: Demo
                type: private
                record: yes
                max_meeting_seconds: 1.5
            """);

        var result = await CliProcess.RunAsync(_folder.Path, "validate", manifest);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("workspace.yaml:5:18: error PM022: users[0].profile_url:", result.Error);
        Assert.Contains("ftp://example.com/ann.png", result.Error);
        Assert.Contains("workspace.yaml:6:26: error PM017: users[0].default_member_type:", result.Error);
        Assert.Contains("Did you mean \"host\"?", result.Error);
        Assert.Contains("workspace.yaml:7:14: error PM023: users[1].user_id:", result.Error);
        Assert.Contains("workspace.yaml:8:5: error PM011: users[1].nmae: Unknown key \"nmae\". Did you mean \"name\"?",
            result.Error);
        Assert.Contains("workspace.yaml:12:14: error PM013: rooms[0].members: Expected a list", result.Error);
        Assert.Contains("workspace.yaml:13:11: error PM024: rooms[1].name:", result.Error);
        Assert.Contains("workspace.yaml:15:13: error PM018: rooms[1].record: Expected true or false, found \"yes\".",
            result.Error);
        Assert.Contains("workspace.yaml:16:26: error PM019: rooms[1].max_meeting_seconds:", result.Error);
        Assert.Contains("workspace.yaml: 8 errors.", result.Error);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task ValidateReportsYamlSyntaxError()
    {
        var manifest = _folder.Write("broken.yaml", "version: 1\nusers: [\n  - user_id: ann\n");

        var result = await CliProcess.RunAsync(_folder.Path, "validate", manifest);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("broken.yaml:3:3: error PM001: The file is not valid YAML", result.Error);
    }

    [Fact]
    public async Task ValidateAcceptsSample()
    {
        var result = await CliProcess.RunAsync(_folder.Path, "validate", CliProcess.SampleManifest);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("is valid: 20 users and 10 rooms.", result.Output);
    }

    [Fact]
    public async Task PlanReportsUnknownMemberUser()
    {
        var manifest = _folder.Write("workspace.yaml", """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: private
                members:
                  - user_id: ann
                  - user_id: nobody
            """);

        var result = await CliProcess.RunAsync(_folder.Path, "plan", manifest, "--emulator");

        Assert.Equal(3, result.ExitCode);
        Assert.Contains("workspace.yaml:9:18: error PM040: rooms[0].members[1].user_id: User \"nobody\"", result.Error);
        Assert.DoesNotContain("PW002", result.Error);
        Assert.Single(DiagnosticLines(result.Error));
        Assert.Equal("", result.Output);
    }

    [Fact]
    public async Task ValidateSortsErrorsAndWarnings()
    {
        var manifest = _folder.Write("workspace.yaml", """
            version: 1
            users:
              - user_id: ann
                nmae: Ann Lee
            rooms:
              - name: Demo
                type: open
                record:
                members:
                  - user_id: bob
              - name: Demo
                type: open
            """);

        var result = await CliProcess.RunAsync(_folder.Path, "validate", manifest);

        Assert.Equal(3, result.ExitCode);
        var lines = DiagnosticLines(result.Error);
        Assert.Equal(4, lines.Count);
        Assert.StartsWith("workspace.yaml:4:5: error PM011: ", lines[0]);
        Assert.StartsWith("workspace.yaml:8:12: warning PW001: ", lines[1]);
        Assert.StartsWith("workspace.yaml:10:18: warning PW002: ", lines[2]);
        Assert.StartsWith("workspace.yaml:11:11: error PM024: ", lines[3]);
        Assert.Contains("workspace.yaml: 2 errors.", result.Error);
    }

    [Fact]
    public async Task ValidateCountsWarnings()
    {
        var oneWarning = _folder.Write("one.yaml", """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: open
                members:
                  - user_id: bob
            """);
        var twoWarnings = _folder.Write("two.yaml", """
            version: 1
            users:
              - user_id: ann
                name:
            rooms:
              - name: Demo
                type: open
                members:
                  - user_id: bob
            """);

        var one = await CliProcess.RunAsync(_folder.Path, "validate", oneWarning);
        var two = await CliProcess.RunAsync(_folder.Path, "validate", twoWarnings);

        Assert.Equal(0, one.ExitCode);
        Assert.Single(DiagnosticLines(one.Error));
        Assert.Contains("one.yaml is valid, with 1 warning. It declares 1 user and 1 room.", one.Output);
        Assert.Equal(0, two.ExitCode);
        Assert.Equal(2, DiagnosticLines(two.Error).Count);
        Assert.Contains("two.yaml is valid, with 2 warnings. It declares 1 user and 1 room.", two.Output);
    }

    /// <summary>Returns the lines of the form <c>file:line:column: severity CODE: message</c>.</summary>
    private static List<string> DiagnosticLines(string error) => error
        .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Where(line => line.Contains(": error PM", StringComparison.Ordinal)
            || line.Contains(": warning PW", StringComparison.Ordinal))
        .ToList();

    public void Dispose() => _folder.Dispose();
}
