using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Builds the consumer compilation that generated code lands in, configured like a project with nullable enabled,
/// warnings as errors, the latest warning wave and XML documentation, against the .NET 10 reference assemblies.
/// </summary>
internal static class TestCompilation
{
    /// <summary>The one consumer source file every compilation starts with.</summary>
    public const string ConsumerSource = """
        namespace Consumer;

        /// <summary>Stands in for the consumer's own code.</summary>
        public static class ConsumerCode
        {
            /// <summary>Returns a number so the file has a member.</summary>
            public static int Answer() => 42;
        }
        """;

    /// <summary>The path of <see cref="ConsumerSource"/> in the compilation.</summary>
    public const string ConsumerPath = "/consumer/ConsumerCode.cs";

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_httpClientFactoryReferences =
        new(LoadHttpClientFactoryReferences);

    /// <summary>Compilation options equivalent to nullable + TreatWarningsAsErrors + AnalysisLevel latest.</summary>
    public static CSharpCompilationOptions Options { get; } = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Enable,
            warningLevel: 9999,
            deterministic: true)
        .WithSpecificDiagnosticOptions([]);

    /// <summary>
    /// Creates a consumer compilation. With <paramref name="referenceHttpClientFactory"/> it also references
    /// Microsoft.Extensions.Http, which makes the generator emit its IServiceCollection registration.
    /// <paramref name="frameworkReferences"/> replaces the .NET 10 reference assemblies.
    /// </summary>
    public static CSharpCompilation Create(
        bool referenceHttpClientFactory = false,
        IEnumerable<string>? extraSources = null,
        IEnumerable<MetadataReference>? frameworkReferences = null)
    {
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(ConsumerSource, GeneratorHarness.ParseOptions, ConsumerPath,
                System.Text.Encoding.UTF8),
        };
        var index = 0;
        foreach (var source in extraSources ?? [])
        {
            trees.Add(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions,
                $"/consumer/Extra{index++}.cs", System.Text.Encoding.UTF8));
        }

        var references = frameworkReferences ?? Net100.References.All;
        if (referenceHttpClientFactory)
        {
            references = references.Concat(s_httpClientFactoryReferences.Value);
        }

        return CSharpCompilation.Create("Consumer", trees, references, Options);
    }

    /// <summary>Returns every diagnostic at warning level or above, which a TreatWarningsAsErrors build rejects.</summary>
    public static IReadOnlyList<Diagnostic> Problems(Compilation compilation) =>
        compilation.GetDiagnostics(TestContext.Current.CancellationToken)
            .Where(diagnostic => diagnostic.Severity >= DiagnosticSeverity.Warning)
            .ToList();

    private static ImmutableArray<MetadataReference> LoadHttpClientFactoryReferences()
    {
        // The implementation assemblies the test itself runs on; the generated code only needs their public surface.
        Type[] anchors =
        [
            typeof(System.Net.Http.IHttpClientFactory),
            typeof(Microsoft.Extensions.DependencyInjection.IHttpClientBuilder),
            typeof(Microsoft.Extensions.DependencyInjection.IServiceCollection),
            typeof(Microsoft.Extensions.Options.IOptions<>),
            typeof(Microsoft.Extensions.Logging.ILogger),
        ];
        return [.. anchors.Select(type => type.Assembly.Location).Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }
}
