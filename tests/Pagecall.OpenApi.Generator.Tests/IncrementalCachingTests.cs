using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Runs the generator twice through one driver, as an IDE does between keystrokes, and checks from the tracked steps
/// that edits which cannot affect the output leave every step cached, and that spec edits re-run the spec steps.
/// </summary>
public sealed class IncrementalCachingTests
{
    private static readonly string[] s_trackingNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .Order(StringComparer.Ordinal)
        .ToArray();

    [Fact]
    public void TrackingNamesCoverContract()
    {
        Assert.Equal(
            [TrackingNames.ParsedDocuments, TrackingNames.SourceFiles, TrackingNames.SpecFiles],
            s_trackingNames);
    }

    [Fact]
    public void UnrelatedCSharpEditKeepsStepsCached()
    {
        var compilation = TestCompilation.Create();
        var first = GeneratorHarness.Run([InlineSpecs.File(InlineSpecs.TwoSchemas)], compilation);
        first.AssertCompilesCleanly();

        var tree = compilation.SyntaxTrees.Single(tree => tree.FilePath == TestCompilation.ConsumerPath);
        var editedText = TestCompilation.ConsumerSource.Replace("=> 42;", "=> 43;", StringComparison.Ordinal);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(editedText)));
        var second = GeneratorHarness.Rerun(first.Driver, edited, first.Texts);

        AssertEveryStepCached(second.RunResult);
    }

    [Fact]
    public void UnrelatedCSharpFileKeepsStepsCached()
    {
        var compilation = TestCompilation.Create();
        var first = GeneratorHarness.Run([InlineSpecs.File(InlineSpecs.TwoSchemas)], compilation);

        var addedTree = CSharpSyntaxTree.ParseText(
            "namespace Consumer; internal static class Added { }",
            GeneratorHarness.ParseOptions,
            "/consumer/Added.cs",
            cancellationToken: TestContext.Current.CancellationToken);
        var added = compilation.AddSyntaxTrees(addedTree);
        var second = GeneratorHarness.Rerun(first.Driver, added, first.Texts);

        AssertEveryStepCached(second.RunResult);
    }

    [Fact]
    public void UnrelatedAdditionalFileKeepsStepsCached()
    {
        var compilation = TestCompilation.Create();
        var first = GeneratorHarness.Run([InlineSpecs.File(InlineSpecs.TwoSchemas)], compilation);

        // A JSON file without ClientName, such as appsettings.json, must not even reach the parser.
        var unrelated = new InMemoryAdditionalText("/project/appsettings.json", """{ "openapi": "3.0.3" }""");
        var driver = first.Driver.AddAdditionalTexts([unrelated]);
        var second = GeneratorHarness.Rerun(driver, compilation, [.. first.Texts, unrelated]);

        AssertEveryStepCached(second.RunResult);
        Assert.Equal(first.Sources.Count, second.Sources.Count);
    }

    [Fact]
    public void SpecEditReRunsSpecSteps()
    {
        var compilation = TestCompilation.Create();
        var first = GeneratorHarness.Run([InlineSpecs.File(InlineSpecs.TwoSchemas)], compilation);

        var second = RerunWithEditedSpec(first, compilation,
            InlineSpecs.TwoSchemas.Replace("description: A widget.", "description: A large widget.",
                StringComparison.Ordinal));

        foreach (var name in s_trackingNames)
        {
            var reasons = OutputReasons(second.RunResult, name);
            Assert.True(reasons.Contains(IncrementalStepRunReason.Modified),
                $"Step {name} did not re-run after a spec edit: {string.Join(", ", reasons)}");
        }

        Assert.Contains("A large widget.", string.Concat(second.Sources.Select(source => source.SourceText)));
    }

    [Fact]
    public void SchemaEditReEmitsOnlyItsFile()
    {
        var compilation = TestCompilation.Create();
        var first = GeneratorHarness.Run([InlineSpecs.File(InlineSpecs.TwoSchemas)], compilation);

        var second = RerunWithEditedSpec(first, compilation,
            InlineSpecs.TwoSchemas.Replace("description: A widget.", "description: A large widget.",
                StringComparison.Ordinal));

        var reasons = OutputReasons(second.RunResult, TrackingNames.SourceFiles);
        Assert.Equal(1, reasons.Count(reason => reason == IncrementalStepRunReason.Modified));
        Assert.All(reasons, reason => Assert.True(
            reason is IncrementalStepRunReason.Modified or IncrementalStepRunReason.Unchanged,
            $"A per-file model was {reason} although the set of files did not change."));
        var changedFiles = first.Sources.Zip(second.Sources)
            .Where(pair => pair.First.SourceText.ToString() != pair.Second.SourceText.ToString())
            .Select(pair => pair.Second.HintName)
            .ToList();
        Assert.Single(changedFiles);
    }

    [Fact]
    public void ClientNameEditReRunsSpecSteps()
    {
        var compilation = TestCompilation.Create();
        var spec = InlineSpecs.File(InlineSpecs.TwoSchemas);
        var first = GeneratorHarness.Run([spec], compilation);

        var renamed = new FakeAnalyzerConfigOptionsProvider(
            new Dictionary<string, string> { [InlineSpecs.SpecPath] = "Renamed.Api.RenamedClient" });
        var second = GeneratorHarness.Rerun(
            first.Driver.WithUpdatedAnalyzerConfigOptions(renamed), compilation, first.Texts);

        Assert.Contains(IncrementalStepRunReason.Modified, OutputReasons(second.RunResult, TrackingNames.SpecFiles));
        Assert.All(second.Sources, source =>
            Assert.Contains("namespace Renamed.Api", source.SourceText.ToString(), StringComparison.Ordinal));
    }

    private static GenerationResult RerunWithEditedSpec(GenerationResult first, Compilation compilation, string text)
    {
        var editedText = new InMemoryAdditionalText(InlineSpecs.SpecPath, text);
        var driver = first.Driver.ReplaceAdditionalText(first.Texts.Single(), editedText);
        return GeneratorHarness.Rerun(driver, compilation, [editedText]);
    }

    private static List<IncrementalStepRunReason> OutputReasons(GeneratorRunResult result, string stepName)
    {
        Assert.True(result.TrackedSteps.TryGetValue(stepName, out var steps),
            $"No tracked step is named {stepName}; tracked: {string.Join(", ", result.TrackedSteps.Keys)}");
        return steps.SelectMany(step => step.Outputs).Select(output => output.Reason).ToList();
    }

    private static void AssertEveryStepCached(GeneratorRunResult result)
    {
        foreach (var name in s_trackingNames)
        {
            var reasons = OutputReasons(result, name);
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Step {name} has an output that is {reason}."));
        }

        foreach (var (name, steps) in result.TrackedOutputSteps)
        {
            Assert.All(steps.SelectMany(step => step.Outputs), output => Assert.True(
                output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"Output step {name} has an output that is {output.Reason}."));
        }
    }
}
