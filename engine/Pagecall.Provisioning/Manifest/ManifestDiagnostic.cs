namespace Pagecall.Provisioning.Manifest;

/// <summary>How serious a manifest diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The manifest loads, but something in it is probably not what the author meant.</summary>
    Warning,

    /// <summary>The manifest cannot be used until the problem is fixed.</summary>
    Error,
}

/// <summary>
/// One problem found in a manifest, located in the source. Codes are stable and listed in
/// <see cref="ManifestErrors"/>.
/// </summary>
/// <param name="Code">Stable identifier such as <c>PM017</c>.</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Position">File, line and column of the offending text.</param>
/// <param name="Path">Key path such as <c>rooms[2].members[0].type</c>, or empty for the whole file.</param>
/// <param name="Message">What is wrong, quoting the offending value.</param>
/// <param name="Fix">What to do about it.</param>
public sealed record ManifestDiagnostic(
    string Code,
    DiagnosticSeverity Severity,
    SourcePosition Position,
    string Path,
    string Message,
    string Fix)
{
    /// <summary>
    /// Renders the diagnostic on one line, such as
    /// <c>workspace.yaml:12:7: error PM017: rooms[2].members[0].type: Member type "hots" is not valid. …</c>
    /// </summary>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        var location = Path.Length == 0 ? "" : Path + ": ";
        return $"{Position}: {severity} {Code}: {location}{Message} {Fix}";
    }
}
