using System;
using Microsoft.CodeAnalysis;

namespace Pagecall.OpenApi.Generator;

/// <summary>
/// Every diagnostic the generator reports. IDs are stable and listed in AnalyzerReleases.*.md.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Pagecall.OpenApi";
    private const string HelpBase = "docs/generator.md#";

    public static readonly DiagnosticDescriptor SyntaxError = Create(
        "PCG001",
        "The spec is not valid YAML or JSON",
        "The spec cannot be parsed: {0}. Fix the syntax at this position.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedVersion = Create(
        "PCG002",
        "The OpenAPI version is not supported",
        "The document declares '{0}', which is not supported. Use 'openapi: 3.0.x' or 'openapi: 3.1.x'.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnresolvedReference = Create(
        "PCG003",
        "A $ref cannot be resolved",
        "The reference '{0}' cannot be resolved: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor MissingOperationId = Create(
        "PCG004",
        "An operation has no operationId",
        "The operation '{0} {1}' has no operationId, so its method is named '{2}'. Add an operationId to choose the name.",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "PCG005",
        "Two names map to the same C# identifier",
        "The {0} '{1}' and '{2}' both become the C# name '{3}'. Rename one of them in the spec.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "PCG006",
        "A construct is not supported",
        "{0} is not supported: {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InvalidClientName = Create(
        "PCG007",
        "The ClientName metadata cannot name the generated client",
        "The ClientName '{0}' {1}. Use a dotted name in a namespace of your own, such as 'Contoso.Api.ContosoClient'.",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor InvalidDocument = Create(
        "PCG008",
        "The document does not have the expected shape",
        "{0}. Fix the document at this position.",
        DiagnosticSeverity.Error);

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "PCG001" => SyntaxError,
        "PCG002" => UnsupportedVersion,
        "PCG003" => UnresolvedReference,
        "PCG004" => MissingOperationId,
        "PCG005" => NameCollision,
        "PCG006" => UnsupportedConstruct,
        "PCG007" => InvalidClientName,
        "PCG008" => InvalidDocument,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic ID."),
    };

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity) =>
        new(
            id,
            title,
            message,
            Category,
            severity,
            isEnabledByDefault: true,
            helpLinkUri: HelpBase + id.ToLowerInvariant());
}
