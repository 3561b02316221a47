using System.Collections;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Walks the values every tracked step produced and checks they are plain data: no Roslyn objects that defeat
/// caching or keep old compilations alive, and equal by value across two independent runs.
/// </summary>
public sealed class StepOutputContentTests
{
    private const int MaxDepth = 64;

    /// <summary>Types no step may carry: they compare by reference or pin a compilation in memory.</summary>
    private static readonly Type[] s_bannedEverywhere =
    [
        typeof(ISymbol), typeof(Compilation), typeof(SemanticModel), typeof(SyntaxNode), typeof(SyntaxTree),
        typeof(Location), typeof(Diagnostic),
    ];

    /// <summary>
    /// Only the first step may still hold the additional file or its options; both compare by reference, so a later
    /// step that carries one re-runs on every edit.
    /// </summary>
    private static readonly Type[] s_bannedAfterFirstStep =
        [typeof(AdditionalText), typeof(AnalyzerConfigOptions), typeof(AnalyzerConfigOptionsProvider)];

    /// <summary>
    /// Steps that Roslyn itself tracks: its inputs, which are Roslyn objects by design, and its outputs, which hold the
    /// diagnostics the generator reports. Every other tracked step belongs to the generator.
    /// </summary>
    private static readonly HashSet<string> s_roslynSteps =
    [
        "AdditionalTexts", "AnalyzerConfigOptions", "Compilation", "CompilationOptions", "MetadataReferences",
        "ParseOptions", "SyntaxTrees", "SourceOutput", "ImplementationSourceOutput",
    ];

    [Fact]
    public void StepOutputsHoldNoRoslynObjects()
    {
        var result = GeneratorHarness.Run(InlineSpecs.File(InlineSpecs.TwoSchemas));
        var brokenResult = GeneratorHarness.Run(InlineSpecs.File("openapi: 3.0.3\npaths: [\n"));

        var problems = new List<string>();
        foreach (var run in new[] { result, brokenResult })
        {
            var generatorSteps = run.RunResult.TrackedSteps.Where(pair => !s_roslynSteps.Contains(pair.Key)).ToList();
            Assert.Contains(generatorSteps, pair => pair.Key == TrackingNames.ParsedDocuments);
            foreach (var (name, steps) in generatorSteps)
            {
                var banned = name == TrackingNames.SpecFiles
                    ? s_bannedEverywhere
                    : [.. s_bannedEverywhere, .. s_bannedAfterFirstStep];
                foreach (var (value, _) in steps.SelectMany(step => step.Outputs))
                {
                    Walk(value, name, banned, new HashSet<object>(ReferenceEqualityComparer.Instance), 0, problems);
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Distinct()));
    }

    [Fact]
    public void StepOutputsAreEqualByValue()
    {
        // Two drivers over two separate text objects share nothing, so only value equality makes their outputs equal.
        var first = GeneratorHarness.Run(InlineSpecs.File(InlineSpecs.TwoSchemas));
        var second = GeneratorHarness.Run(InlineSpecs.File(InlineSpecs.TwoSchemas));

        foreach (var name in new[] { TrackingNames.ParsedDocuments, TrackingNames.SourceFiles })
        {
            var firstValues = first.RunResult.TrackedSteps[name].SelectMany(step => step.Outputs)
                .Select(output => output.Value).ToList();
            var secondValues = second.RunResult.TrackedSteps[name].SelectMany(step => step.Outputs)
                .Select(output => output.Value).ToList();

            Assert.NotEmpty(firstValues);
            Assert.Equal(firstValues.Count, secondValues.Count);
            for (var i = 0; i < firstValues.Count; i++)
            {
                Assert.True(Equals(firstValues[i], secondValues[i]),
                    $"Output {i} of step {name} ({firstValues[i]?.GetType().Name}) is not equal to the same output "
                    + "of an identical run, so the step can never be cached.");
                Assert.Equal(firstValues[i]?.GetHashCode(), secondValues[i]?.GetHashCode());
            }
        }
    }

    private static void Walk(
        object? value, string path, Type[] banned, HashSet<object> visited, int depth, List<string> problems)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum)
        {
            return;
        }

        var type = value.GetType();
        if (banned.FirstOrDefault(bannedType => bannedType.IsAssignableFrom(type)) is { } match)
        {
            problems.Add($"{path} holds a {match.Name} ({type.FullName}).");
            return;
        }

        if (depth > MaxDepth || (!type.IsValueType && !visited.Add(value)))
        {
            return;
        }

        // Roslyn's own objects that are allowed here (the options of the first step) are not plain data to walk.
        if (type.Assembly == typeof(Compilation).Assembly)
        {
            return;
        }

        if (value is IEnumerable items)
        {
            var index = 0;
            foreach (var item in items)
            {
                Walk(item, $"{path}[{index++}]", banned, visited, depth + 1, problems);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Instance))
        {
            Walk(field.GetValue(value), $"{path}.{field.Name}", banned, visited, depth + 1, problems);
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length == 0 && property.GetMethod is not null)
            {
                Walk(property.GetValue(value), $"{path}.{property.Name}", banned, visited, depth + 1, problems);
            }
        }
    }
}
