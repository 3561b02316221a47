using System.Diagnostics.CodeAnalysis;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

/// <summary>The outcome of planning: either a plan, or every error that prevents one.</summary>
/// <param name="Plan">The plan, or null when <paramref name="Errors"/> is not empty.</param>
/// <param name="Errors">Errors located in the manifest, in source order. Empty on success.</param>
public sealed record PlanningResult(Plan? Plan, ValueList<ManifestDiagnostic> Errors)
{
    [MemberNotNullWhen(true, nameof(Plan))]
    public bool Succeeded => Plan is not null;
}
