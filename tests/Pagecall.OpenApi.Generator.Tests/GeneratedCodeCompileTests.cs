using Microsoft.CodeAnalysis.CSharp;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Compiles the generated code of every spec the project knows with nullable enabled, warnings as errors and XML
/// documentation, and requires zero warnings.
/// </summary>
public sealed class GeneratedCodeCompileTests
{
    /// <summary>The file names in the ordinary-size corpus.</summary>
    public static TheoryData<string> CorpusSpecs => RepositoryPaths.ListSpecs(RepositoryPaths.Corpus);

    /// <summary>The file names in the corpus of specs larger than a megabyte.</summary>
    public static TheoryData<string> LargeCorpusSpecs => RepositoryPaths.ListSpecs(RepositoryPaths.LargeCorpus);

    [Fact]
    public void PagecallSpecCompilesWithoutWarnings()
    {
        var result = SpecRuns.Pagecall();

        result.AssertCompilesCleanly();
        Assert.DoesNotContain(result.Sources, source =>
            source.SourceText.ToString().Contains("IServiceCollection", StringComparison.Ordinal));
    }

    [Fact]
    public void PagecallRegistrationCompilesWithHttpClientFactory()
    {
        var result = SpecRuns.Pagecall(referenceHttpClientFactory: true);

        result.AssertCompilesCleanly();
        Assert.Contains(result.Sources, source =>
            source.SourceText.ToString().Contains("IServiceCollection", StringComparison.Ordinal));
    }

    [Fact]
    public void PagecallSpecCompilesForNet8()
    {
        // .NET 8 lacks JsonElement.DeepEquals, so the generated equality must compile without it.
        var parseOptions = GeneratorHarness.ParseOptions.WithPreprocessorSymbols("NET", "NET8_0", "NET8_0_OR_GREATER");
        var result = GeneratorHarness.Run(
            [SpecFile.Load(RepositoryPaths.PagecallSpec, SpecRuns.PagecallClientName)],
            TestCompilation.Create(frameworkReferences: Basic.Reference.Assemblies.Net80.References.All),
            parseOptions);

        result.AssertCompilesCleanly();
        Assert.Null(result.OutputCompilation.GetTypeByMetadataName("System.Text.Json.JsonElement")!
            .GetMembers("DeepEquals").FirstOrDefault());
    }

    /// <summary>A union, a sensitive union and a model with list, map and JSON value properties.</summary>
    private const string UnionSpec = """
        openapi: 3.0.3
        info:
          title: Shapes
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Code:
              oneOf:
                - {type: string}
                - {type: integer}
            Passcode:
              oneOf:
                - {type: string, format: password}
                - {type: integer}
            Holder:
              type: object
              properties:
                codes: {type: array, items: {$ref: '#/components/schemas/Code'}}
                scores: {type: object, additionalProperties: {type: number}}
                payload: {}
                passcode: {$ref: '#/components/schemas/Passcode'}
        """;

    [Fact]
    public void PagecallSpecCompilesAsCSharp11()
    {
        // The README promises C# 11 or later, so the generated code may use nothing newer.
        var parseOptions = GeneratorHarness.ParseOptions.WithLanguageVersion(LanguageVersion.CSharp11);
        var consumer = TestCompilation.Create();
        foreach (var tree in consumer.SyntaxTrees)
        {
            // Roslyn rejects a compilation whose trees have different language versions.
            consumer = consumer.ReplaceSyntaxTree(tree, tree.WithRootAndOptions(tree.GetRoot(TestContext.Current.CancellationToken), parseOptions));
        }

        var result = GeneratorHarness.Run(
            [SpecFile.Load(RepositoryPaths.PagecallSpec, SpecRuns.PagecallClientName), InlineSpecs.File(UnionSpec)],
            consumer,
            parseOptions);

        result.AssertCompilesCleanly();
    }

    [Theory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpecCompilesWithoutWarnings(string fileName)
    {
        var path = RepositoryPaths.RequireCorpusFile(RepositoryPaths.Corpus, fileName);

        var result = SpecRuns.Get(path, SpecRuns.CorpusClientName(fileName));

        result.AssertCompilesCleanly();
        Assert.NotEmpty(result.Sources);
    }

    [Theory]
    [MemberData(nameof(LargeCorpusSpecs))]
    public void LargeCorpusSpecCompilesWithoutWarnings(string fileName)
    {
        var path = RepositoryPaths.RequireCorpusFile(RepositoryPaths.LargeCorpus, fileName);

        var result = SpecRuns.Get(path, SpecRuns.CorpusClientName(fileName));

        result.AssertCompilesCleanly();
        Assert.NotEmpty(result.Sources);
    }
}
