using System.Diagnostics.CodeAnalysis;

namespace Pagecall.Provisioning.Manifest;

/// <summary>The outcome of loading a manifest: either the model, or every error found.</summary>
/// <param name="Manifest">The validated manifest, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Every error found, in source order within each check. Empty on success.</param>
/// <param name="Warnings">Warnings, which do not stop loading.</param>
/// <param name="ExternalUserReferences">Members whose user is not declared under <c>users</c>. The planner
/// must find each of them in the live workspace, or report <see cref="ManifestErrors.UnknownUser"/>.</param>
public sealed record ManifestLoadResult(
    WorkspaceManifest? Manifest,
    ValueList<ManifestDiagnostic> Errors,
    ValueList<ManifestDiagnostic> Warnings,
    ValueList<ExternalUserReference> ExternalUserReferences)
{
    /// <summary>True when the manifest loaded without errors.</summary>
    [MemberNotNullWhen(true, nameof(Manifest))]
    public bool Succeeded => Manifest is not null;

    internal static ManifestLoadResult Failed(params ManifestDiagnostic[] errors) =>
        new(null, new(errors), ValueList<ManifestDiagnostic>.Empty, ValueList<ExternalUserReference>.Empty);
}
