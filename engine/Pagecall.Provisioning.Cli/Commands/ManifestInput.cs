using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>Loads a manifest and writes its diagnostics to standard error, one line each.</summary>
internal static class ManifestInput
{
    /// <summary>
    /// Loads the manifest at <paramref name="path"/> and writes its errors and warnings in file order, each in the
    /// form <c>file:line:column: error CODE: message</c>, followed by a count when there are errors. With
    /// <paramref name="deferWarnings"/> set, the warnings of a manifest without errors are not written, so that
    /// the caller can write them with the planner's errors.
    /// </summary>
    public static ManifestLoadResult Load(string path, ConsoleOutput console, bool deferWarnings = false)
    {
        var result = ManifestLoader.Load(path);
        if (!result.Succeeded)
        {
            WriteDiagnostics(result.Warnings.Concat(result.Errors), console);
            WriteErrorCount(path, result.Errors.Count, console);
        }
        else if (!deferWarnings)
        {
            WriteDiagnostics(result.Warnings, console);
        }

        return result;
    }

    /// <summary>
    /// Writes one line per diagnostic to standard error, sorted by line and column, with errors and warnings
    /// together. Repeated lines are written once, and a PW002 warning is dropped where a PM040 error reports the
    /// same member, because the error states the same problem with the live workspace checked.
    /// </summary>
    public static void WriteDiagnostics(IEnumerable<ManifestDiagnostic> diagnostics, ConsoleOutput console)
    {
        foreach (var line in SortedLines(diagnostics))
        {
            console.Error.WriteLine(line);
        }
    }

    /// <summary>Returns the lines that <see cref="WriteDiagnostics"/> writes, in order.</summary>
    internal static IReadOnlyList<string> SortedLines(IEnumerable<ManifestDiagnostic> diagnostics)
    {
        var all = diagnostics.ToList();
        var unknownUsers = all
            .Where(diagnostic => diagnostic.Code == "PM040")
            .Select(diagnostic => diagnostic.Position)
            .ToHashSet();

        // OrderBy is stable, so diagnostics at one position keep the order in which they were found.
        return all
            .Where(diagnostic => !(diagnostic.Code == "PW002" && unknownUsers.Contains(diagnostic.Position)))
            .OrderBy(diagnostic => diagnostic.Position.Line)
            .ThenBy(diagnostic => diagnostic.Position.Column)
            .Select(diagnostic => diagnostic.ToString())
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Writes the closing line after a manifest's errors.</summary>
    public static void WriteErrorCount(string path, int count, ConsoleOutput console)
    {
        var errors = count == 1 ? "1 error" : $"{count} errors";
        console.Error.WriteLine($"{path}: {errors}. No changes were made.");
    }
}
