using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>Loads a manifest and writes its diagnostics to standard error, one line each.</summary>
internal static class ManifestInput
{
    /// <summary>
    /// Loads the manifest at <paramref name="path"/> and writes its warnings and errors, each in the form
    /// <c>file:line:column: error CODE: message</c>, followed by a count when there are errors.
    /// </summary>
    public static ManifestLoadResult Load(string path, ConsoleOutput console)
    {
        var result = ManifestLoader.Load(path);
        WriteDiagnostics(result.Warnings, console);
        WriteDiagnostics(result.Errors, console);
        if (!result.Succeeded)
        {
            WriteErrorCount(path, result.Errors.Count, console);
        }

        return result;
    }

    /// <summary>Writes one line per diagnostic to standard error.</summary>
    public static void WriteDiagnostics(IEnumerable<ManifestDiagnostic> diagnostics, ConsoleOutput console)
    {
        foreach (var diagnostic in diagnostics)
        {
            console.Error.WriteLine(diagnostic.ToString());
        }
    }

    /// <summary>Writes the closing line after a manifest's errors.</summary>
    public static void WriteErrorCount(string path, int count, ConsoleOutput console)
    {
        var errors = count == 1 ? "1 error" : $"{count} errors";
        console.Error.WriteLine($"{path}: {errors}. No changes were made.");
    }
}
