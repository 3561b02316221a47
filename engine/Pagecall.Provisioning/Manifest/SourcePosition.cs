namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Position of an element in a manifest file: the file name as given to the loader, and a 1-based line and
/// column.
/// </summary>
public sealed record SourcePosition(string File, int Line, int Column)
{
    /// <summary>Renders the position as <c>file:line:column</c>, the form compilers and editors recognise.</summary>
    public override string ToString() => $"{File}:{Line}:{Column}";
}
