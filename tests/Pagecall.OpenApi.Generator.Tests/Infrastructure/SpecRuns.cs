using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Runs the generator once per spec file and shares the result between the snapshot and compile tests, so the
/// large specs are parsed once per test run.
/// </summary>
internal static class SpecRuns
{
    /// <summary>The client name the Pagecall spec is generated under, in the tests and in the consumer fixture.</summary>
    public const string PagecallClientName = "Pagecall.Api.PagecallClient";

    private static readonly ConcurrentDictionary<(string Path, bool HttpClientFactory), Lazy<GenerationResult>>
        s_results = new();

    /// <summary>Returns the generator's result for a spec on disk, generating it on first use.</summary>
    public static GenerationResult Get(string path, string clientName, bool referenceHttpClientFactory = false) =>
        s_results.GetOrAdd((path, referenceHttpClientFactory), key => new Lazy<GenerationResult>(() =>
            GeneratorHarness.Run(
                [SpecFile.Load(key.Path, clientName)],
                TestCompilation.Create(key.HttpClientFactory)))).Value;

    /// <summary>Returns the generator's result for the Pagecall spec.</summary>
    public static GenerationResult Pagecall(bool referenceHttpClientFactory = false) =>
        Get(RepositoryPaths.PagecallSpec, PagecallClientName, referenceHttpClientFactory);

    /// <summary>
    /// Derives a client name from a corpus file name: <c>api-with-examples.yaml</c> becomes
    /// <c>Corpus.ApiWithExamples.ApiWithExamplesClient</c>.
    /// </summary>
    public static string CorpusClientName(string fileName)
    {
        var words = Path.GetFileNameWithoutExtension(fileName)
            .Split(['-', '_', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        var pascal = new StringBuilder();
        foreach (var word in words)
        {
            pascal.Append(char.ToUpper(word[0], CultureInfo.InvariantCulture)).Append(word.AsSpan(1));
        }

        return $"Corpus.{pascal}.{pascal}Client";
    }

    /// <summary>Turns a result into snapshot files: each generated source, plus the generator's diagnostics.</summary>
    public static IReadOnlyCollection<SnapshotFile> ToSnapshotFiles(GenerationResult result)
    {
        var files = result.Sources
            .Select(source => new SnapshotFile(
                source.HintName.EndsWith(".cs", StringComparison.Ordinal) ? source.HintName : source.HintName + ".cs",
                source.SourceText.ToString()))
            .ToList();
        var diagnostics = result.DescribeGeneratorDiagnostics();
        if (diagnostics.Length > 0)
        {
            files.Add(new SnapshotFile("diagnostics.txt", diagnostics));
        }

        return files;
    }
}
