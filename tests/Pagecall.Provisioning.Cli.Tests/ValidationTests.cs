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
        Assert.Equal("", result.Output);
    }

    public void Dispose() => _folder.Dispose();
}
