namespace Pagecall.Provisioning.Manifest;

/// <summary>Collects errors and warnings in the order they are found.</summary>
internal sealed class DiagnosticBag
{
    private readonly List<ManifestDiagnostic> _errors = [];
    private readonly List<ManifestDiagnostic> _warnings = [];

    public IReadOnlyList<ManifestDiagnostic> Errors => _errors;

    public IReadOnlyList<ManifestDiagnostic> Warnings => _warnings;

    public void Add(ManifestDiagnostic diagnostic) =>
        (diagnostic.Severity == DiagnosticSeverity.Error ? _errors : _warnings).Add(diagnostic);

    public void AddRange(IEnumerable<ManifestDiagnostic> diagnostics)
    {
        foreach (var diagnostic in diagnostics)
        {
            Add(diagnostic);
        }
    }
}
