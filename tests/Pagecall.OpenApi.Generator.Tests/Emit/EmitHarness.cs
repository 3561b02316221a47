using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace Pagecall.OpenApi.Generator.Tests.Emit;

/// <summary>
/// Runs the generator over one spec and compiles its output against the .NET and ASP.NET Core shared
/// frameworks of the test process, with nullable checks, documentation warnings and every warning wave on.
/// </summary>
internal static class EmitHarness
{
    private static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);

    public static EmitResult Run(string path, string text, string clientName)
    {
        var compilation = CSharpCompilation.Create(
            "Consumer",
            [CSharpSyntaxTree.ParseText("namespace Consumer;", ParseOptions)],
            FrameworkReferences.Value,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999));

        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            [new InMemoryText(path, text)],
            ParseOptions,
            new SingleFileOptionsProvider(path, clientName));
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var run = driver.GetRunResult();
        var compileDiagnostics = output.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .ToImmutableArray();
        return new EmitResult(
            run.Diagnostics,
            compileDiagnostics,
            run.Results.SelectMany(r => r.GeneratedSources).ToImmutableArray(),
            run.Results.Select(r => r.Exception).FirstOrDefault(e => e is not null));
    }

    // Only the shared frameworks: the test output folder also holds assemblies such as
    // Microsoft.Bcl.AsyncInterfaces that would make framework types ambiguous.
    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return paths
            .Where(p => p.Contains("Microsoft.NETCore.App", StringComparison.Ordinal)
                || p.Contains("Microsoft.AspNetCore.App", StringComparison.Ordinal))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }

    private sealed class InMemoryText(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(text);
    }

    private sealed class SingleFileOptionsProvider(string path, string clientName) : AnalyzerConfigOptionsProvider
    {
        private static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override AnalyzerConfigOptions GlobalOptions => Empty;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path
            ? new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.ClientName", clientName))
            : Empty;
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, out string value) => values.TryGetValue(key, out value!);
    }
}

internal sealed record EmitResult(
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    ImmutableArray<Diagnostic> CompileDiagnostics,
    ImmutableArray<GeneratedSourceResult> Sources,
    Exception? GeneratorException);
