using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pagecall.OpenApi.Generator.Emit;
using Pagecall.OpenApi.Generator.Model;
using Pagecall.OpenApi.Generator.Parsing;

namespace Pagecall.OpenApi.Generator;

/// <summary>
/// Generates a typed HTTP client from every OpenAPI document passed as an AdditionalFiles item with
/// <c>ClientName</c> metadata.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class OpenApiClientGenerator : IIncrementalGenerator
{
    private const string ClientNameKey = "build_metadata.AdditionalFiles.ClientName";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var specFiles = context.AdditionalTextsProvider
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, cancellationToken) => ReadSpec(pair.Left, pair.Right, cancellationToken))
            .Where(static spec => spec is not null)
            .Select(static (spec, _) => spec!)
            .WithTrackingName(TrackingNames.SpecFiles);

        var documents = specFiles
            .Select(static (spec, cancellationToken) => DocumentParser.Parse(spec, cancellationToken))
            .WithTrackingName(TrackingNames.ParsedDocuments);

        // Two specs with one ClientName would write files with the same hint names. The first path in ordinal
        // order keeps the name; every other spec gets a PCG005 error and generates nothing.
        var clientNameOwners = specFiles
            .Select(static (spec, _) => new ClientNameClaim(spec.ClientName.Trim(), spec.Path))
            .Collect()
            .Select(static (claims, _) => ClientNameClaim.Owners(claims));

        documents = documents
            .Combine(clientNameOwners)
            .Select(static (pair, _) => ClientNameClaim.Apply(pair.Left, pair.Right));

        context.RegisterSourceOutput(
            documents.Select(static (document, _) => document.Diagnostics),
            static (output, diagnostics) =>
            {
                foreach (var diagnostic in diagnostics)
                {
                    output.ReportDiagnostic(diagnostic.ToDiagnostic());
                }
            });

        var sourceFiles = documents
            .SelectMany(static (document, cancellationToken) => SourcePlanner.Plan(document, cancellationToken))
            .WithTrackingName(TrackingNames.SourceFiles);

        var referencesHttpClientFactory = context.CompilationProvider
            .Select(static (compilation, _) => ReferencesHttpClientFactory(compilation));

        context.RegisterSourceOutput(
            sourceFiles.Combine(referencesHttpClientFactory),
            static (output, pair) =>
            {
                if (pair.Left.Kind == SourceFileKind.ServiceCollection && !pair.Right)
                {
                    return;
                }

                output.AddSource(pair.Left.HintName, Emitter.Emit(pair.Left));
            });
    }

    private static SpecInput? ReadSpec(AdditionalText text, AnalyzerConfigOptionsProvider options, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(text.Path);
        var supported = extension.Equals(".json", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yaml", StringComparison.OrdinalIgnoreCase)
            || extension.Equals(".yml", StringComparison.OrdinalIgnoreCase);
        if (!supported
            || !options.GetOptions(text).TryGetValue(ClientNameKey, out var clientName)
            || string.IsNullOrWhiteSpace(clientName))
        {
            return null;
        }

        var content = text.GetText(cancellationToken);
        return content is null ? null : new SpecInput(text.Path, content.ToString(), clientName);
    }

    private static bool ReferencesHttpClientFactory(Compilation compilation) =>
        compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions") is not null
        && compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IServiceCollection") is not null;
}

/// <summary>Splits a parsed document into one model per generated file.</summary>
internal static class SourcePlanner
{
    public static IEnumerable<SourceFileModel> Plan(DocumentModel document, CancellationToken cancellationToken)
    {
        if (document.HasErrors || document.Client is not { } client)
        {
            yield break;
        }

        var prefix = client.Namespace + "." + client.ClassName;
        yield return File(prefix + ".g.cs", SourceFileKind.Client, client) with
        {
            Title = document.Title,
            Description = document.Description,
        };
        yield return File(prefix + ".Json.g.cs", SourceFileKind.Support, client);
        yield return File(prefix + ".Exception.g.cs", SourceFileKind.Exception, client);
        yield return File(prefix + ".ServiceCollection.g.cs", SourceFileKind.ServiceCollection, client);

        // Roslyn compares hint names ignoring case, as Windows file systems do, so the C# names UserID and UserId
        // would make AddSource throw. The second of two such names, in ordinal order, gets a number.
        var hintNames = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var type in document.Types)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hintName = UniqueHintName(hintNames, prefix + ".Models." + type.Name);
            yield return File(hintName, SourceFileKind.Model, client) with { Type = type };
        }

        foreach (var operation in document.Operations)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hintName = UniqueHintName(hintNames, prefix + ".Operations." + operation.Name);
            yield return File(hintName, SourceFileKind.Operation, client) with { Operation = operation };
        }
    }

    // C# names contain no '.', so a numbered hint name cannot equal the plain hint name of another type.
    private static string UniqueHintName(HashSet<string> used, string stem)
    {
        var hintName = stem + ".g.cs";
        for (var number = 2; !used.Add(hintName); number++)
        {
            hintName = stem + "." + number.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".g.cs";
        }

        return hintName;
    }

    private static SourceFileModel File(string hintName, SourceFileKind kind, ClientInfo client) =>
        new(hintName, kind, client, null, null, null, null);
}
