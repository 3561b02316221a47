using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Pagecall.Emulator;

/// <summary>
/// Formats a <see cref="JsonException"/> for people. System.Text.Json ends its messages with
/// <c>LineNumber: 0 | BytePositionInLine: 4.</c>, counting both from 0, while editors count lines and columns from 1.
/// </summary>
internal static partial class JsonErrorText
{
    /// <summary>
    /// Returns the exception's message with the position as a 1-based line and column, such as
    /// <c>'}' is invalid after a value. At line 2, column 5.</c> The column counts UTF-8 bytes, so it matches the
    /// character column on lines of ASCII text. A message in another shape is returned unchanged.
    /// </summary>
    public static string Describe(JsonException exception)
    {
        var match = PositionSuffix().Match(exception.Message);
        if (!match.Success || exception.LineNumber is not { } line || exception.BytePositionInLine is not { } column)
        {
            return exception.Message;
        }

        var text = exception.Message[..match.Index].TrimEnd();
        var path = exception.Path is { Length: > 0 } and not "$" ? $", at JSON path {exception.Path}" : "";
        return string.Create(CultureInfo.InvariantCulture, $"{text} At line {line + 1}, column {column + 1}{path}.");
    }

    /// <summary>Matches the <c>Path: … | LineNumber: n | BytePositionInLine: n.</c> tail of a message.</summary>
    [GeneratedRegex(@"\s*(Path: .*? \| )?LineNumber: \d+ \| BytePositionInLine: \d+\.\s*$", RegexOptions.Singleline)]
    private static partial Regex PositionSuffix();
}
