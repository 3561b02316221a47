using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>A spec handed to the generator as an additional file; a null client name leaves the file unopted.</summary>
internal sealed record SpecFile(string Path, string Text, string? ClientName)
{
    /// <summary>Reads a spec from disk, keeping its real path so diagnostics point at it.</summary>
    public static SpecFile Load(string path, string clientName) => new(path, File.ReadAllText(path), clientName);

    /// <summary>Creates the additional file the compiler would hand to the generator.</summary>
    public AdditionalText ToAdditionalText() => new InMemoryAdditionalText(Path, Text);
}

/// <summary>
/// Runs <see cref="OpenApiClientGenerator"/> the way the compiler does: in-memory additional files, per-file
/// <c>ClientName</c> metadata, step tracking on, and the parse options of a project that builds XML docs.
/// </summary>
internal static class GeneratorHarness
{
    /// <summary>The parse options of the consumer and of the generated trees.</summary>
    public static readonly CSharpParseOptions ParseOptions =
        new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    /// <summary>
    /// Creates a driver holding the given texts, with ClientName metadata keyed by path. The generated trees get
    /// <paramref name="parseOptions"/>, or <see cref="ParseOptions"/> when it is null.
    /// </summary>
    public static GeneratorDriver CreateDriver(
        IEnumerable<AdditionalText> texts,
        IReadOnlyDictionary<string, string> clientNamesByPath,
        CSharpParseOptions? parseOptions = null) =>
        CSharpGeneratorDriver.Create(
            [new OpenApiClientGenerator().AsSourceGenerator()],
            texts,
            parseOptions ?? ParseOptions,
            new FakeAnalyzerConfigOptionsProvider(clientNamesByPath),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    /// <summary>Runs the generator once over the files against a fresh consumer compilation.</summary>
    public static GenerationResult Run(params SpecFile[] files) => Run(files, TestCompilation.Create());

    /// <summary>
    /// Runs the generator once over the files against the given consumer compilation. Pass
    /// <paramref name="parseOptions"/> to compile the generated code with other preprocessor symbols.
    /// </summary>
    public static GenerationResult Run(
        IEnumerable<SpecFile> files, CSharpCompilation compilation, CSharpParseOptions? parseOptions = null)
    {
        var fileList = files.ToList();
        var clientNames = fileList.Where(file => file.ClientName is not null)
            .ToDictionary(file => file.Path, file => file.ClientName!, StringComparer.Ordinal);
        var texts = fileList.Select(file => file.ToAdditionalText()).ToList();
        return GenerationResult.From(CreateDriver(texts, clientNames, parseOptions), compilation, texts);
    }

    /// <summary>
    /// Runs an existing driver again, as the IDE does after an edit, keeping its cached state. The texts are the
    /// additional files the driver now holds.
    /// </summary>
    public static GenerationResult Rerun(
        GeneratorDriver driver, Compilation compilation, IReadOnlyList<AdditionalText> texts) =>
        GenerationResult.From(driver, compilation, texts);
}

/// <summary>The outcome of one generator run: the driver state, the run result and the compiled output.</summary>
internal sealed record GenerationResult(
    GeneratorDriver Driver,
    IReadOnlyList<AdditionalText> Texts,
    GeneratorRunResult RunResult,
    Compilation OutputCompilation,
    ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>The generated files, sorted by hint name.</summary>
    public IReadOnlyList<GeneratedSourceResult> Sources =>
        RunResult.GeneratedSources.OrderBy(source => source.HintName, StringComparer.Ordinal).ToList();

    /// <summary>Runs the driver and collects everything a test looks at.</summary>
    public static GenerationResult From(
        GeneratorDriver driver, Compilation compilation, IReadOnlyList<AdditionalText> texts)
    {
        var updated = driver.RunGeneratorsAndUpdateCompilation(
            compilation, out var outputCompilation, out var diagnostics, TestContext.Current.CancellationToken);
        var runResult = updated.GetRunResult().Results.Single();
        return new GenerationResult(updated, texts, runResult, outputCompilation, diagnostics);
    }

    /// <summary>Returns the compiler's diagnostics at warning level or above for the consumer plus generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilerProblems() =>
        TestCompilation.Problems(OutputCompilation);

    /// <summary>Returns the generated text of one file by hint name.</summary>
    public string SourceText(string hintName) =>
        Sources.Single(source => source.HintName == hintName).SourceText.ToString();

    /// <summary>
    /// Asserts that the generator itself ran cleanly: no exception, and no CS8785 or other generator failure.
    /// </summary>
    public void AssertGeneratorDidNotThrow()
    {
        Assert.True(RunResult.Exception is null, $"The generator threw: {RunResult.Exception}");
        var failures = GeneratorDiagnostics.Where(diagnostic => diagnostic.Id is "CS8784" or "CS8785").ToList();
        Assert.True(failures.Count == 0, DiagnosticText.Format(failures, OutputCompilation));
    }

    /// <summary>Asserts that the generator reported no error and the generated code compiles without a warning.</summary>
    public void AssertCompilesCleanly()
    {
        AssertGeneratorDidNotThrow();
        var generatorErrors = GeneratorDiagnostics
            .Where(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(generatorErrors.Count == 0, "Generator errors:\n" + DiagnosticText.Format(generatorErrors));

        var problems = CompilerProblems();
        Assert.True(problems.Count == 0, "Compiler warnings and errors in generated code:\n"
            + DiagnosticText.Format(problems, OutputCompilation));
    }

    /// <summary>Lists the generator's own diagnostics, one per line, in a stable order for snapshots.</summary>
    public string DescribeGeneratorDiagnostics()
    {
        var builder = new StringBuilder();
        foreach (var line in GeneratorDiagnostics.Select(DiagnosticText.FormatOne).Order(StringComparer.Ordinal))
        {
            builder.Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
