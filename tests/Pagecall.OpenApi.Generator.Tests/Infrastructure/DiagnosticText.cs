using System.Text;
using Microsoft.CodeAnalysis;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>Formats diagnostics as the compiler prints them, with the offending source line for compiler errors.</summary>
internal static class DiagnosticText
{
    private const int MaxListed = 40;

    /// <summary>
    /// Formats one diagnostic as <c>file(line,column): severity ID: message</c> with 1-based positions and the
    /// file name only, so the text is the same on every machine.
    /// </summary>
    public static string FormatOne(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var file = span.Path is { Length: > 0 } path ? Path.GetFileName(path) : "(no file)";
        var position = diagnostic.Location == Location.None
            ? ""
            : $"({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})";
        var severity = diagnostic.Severity.ToString().ToLowerInvariant();
        return $"{file}{position}: {severity} {diagnostic.Id}: {diagnostic.GetMessage(
            System.Globalization.CultureInfo.InvariantCulture)}";
    }

    /// <summary>Formats a list of diagnostics; with a compilation, adds the source line each one points at.</summary>
    public static string Format(IReadOnlyCollection<Diagnostic> diagnostics, Compilation? compilation = null)
    {
        var builder = new StringBuilder();
        foreach (var diagnostic in diagnostics.Take(MaxListed))
        {
            builder.Append(FormatOne(diagnostic)).Append('\n');
            if (compilation is not null && diagnostic.Location.SourceTree is { } tree)
            {
                var line = diagnostic.Location.GetLineSpan().StartLinePosition.Line;
                builder.Append("    > ").Append(tree.GetText().Lines[line].ToString().Trim()).Append('\n');
            }
        }

        if (diagnostics.Count > MaxListed)
        {
            builder.Append($"... and {diagnostics.Count - MaxListed} more\n");
        }

        return builder.ToString();
    }
}
