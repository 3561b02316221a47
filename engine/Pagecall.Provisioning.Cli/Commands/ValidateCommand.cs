using System.CommandLine;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary><c>validate MANIFEST</c>: loads and checks a manifest without any API call.</summary>
internal static class ValidateCommand
{
    public static Command Create(ConsoleOutput console)
    {
        var manifest = ManifestArgument.Create();
        var command = new Command(
            "validate",
            "Check a manifest for errors without contacting the API, so no PAGECALL_API_KEY is needed.")
        {
            manifest,
        };
        command.SetAction(parseResult => Run(parseResult.GetRequiredValue(manifest), console));
        return command;
    }

    private static int Run(string path, ConsoleOutput console)
    {
        var loaded = ManifestInput.Load(path, console);
        if (!loaded.Succeeded)
        {
            return ExitCodes.InvalidInput;
        }

        var users = loaded.Manifest.Users?.Count ?? 0;
        var rooms = loaded.Manifest.Rooms?.Count ?? 0;
        var contents = $"{Count(users, "user")} and {Count(rooms, "room")}";
        var warnings = loaded.Warnings.Count;
        console.Out.WriteLine(warnings == 0
            ? $"{path} is valid: {contents}."
            : $"{path} is valid, with {Count(warnings, "warning")}. It declares {contents}.");
        return ExitCodes.Success;
    }

    private static string Count(int count, string noun) => count == 1 ? $"1 {noun}" : $"{count} {noun}s";
}

/// <summary>The manifest path argument that every command takes first.</summary>
internal static class ManifestArgument
{
    public static Argument<string> Create() => new("MANIFEST")
    {
        Description = "Path of the workspace manifest, a YAML file described in docs/manifest.md.",
    };
}
