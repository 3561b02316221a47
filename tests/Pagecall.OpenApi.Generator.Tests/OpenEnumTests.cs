using System.Text.Json;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Runs generated open enums: a value the spec never listed must read, write back unchanged and compare without
/// throwing, and every listed value, however odd its spelling, must keep its exact wire form.
/// </summary>
public sealed class OpenEnumTests
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Enums
          version: 1.0.0
        paths: {}
        components:
          schemas:
            Light:
              type: object
              required: [color]
              properties:
                color:
                  $ref: '#/components/schemas/Color'
                level:
                  $ref: '#/components/schemas/Level'
            Color:
              type: string
              enum: [red, dark blue]
            Level:
              type: integer
              enum: [1, 2]
        """;

    /// <summary>Exercises the generated types; each returned line is one observed fact.</summary>
    private const string Probe = """
        namespace Consumer;

        /// <summary>Runs generated enum code and reports what it observed.</summary>
        public static class EnumProbe
        {
            /// <summary>Reads an unknown value and reports how it behaves.</summary>
            public static string[] Run(string json)
            {
                var light = global::Inline.Api.Light.FromJson(json);
                var unknown = light.Color;
                var defaulted = default(global::Inline.Api.Color);
                return
                [
                    "value=" + unknown.Value,
                    "known=" + unknown.IsKnown,
                    "text=" + unknown,
                    "equalsSame=" + (unknown == new global::Inline.Api.Color(unknown.Value)),
                    "equalsRed=" + (unknown == global::Inline.Api.Color.Red),
                    "hashStable=" + (unknown.GetHashCode() == new global::Inline.Api.Color(unknown.Value).GetHashCode()),
                    "level=" + light.Level?.Value,
                    "levelKnown=" + light.Level?.IsKnown,
                    "defaultText=" + defaulted,
                    "defaultEqualsRed=" + defaulted.Equals(global::Inline.Api.Color.Red),
                    "redKnown=" + global::Inline.Api.Color.Red.IsKnown,
                    "darkBlue=" + global::Inline.Api.Color.DarkBlue.Value,
                    "json=" + light.ToJson(),
                ];
            }
        }
        """;

    [Fact]
    public void UnknownValueRoundTrips()
    {
        const string json = """{"color":"ultraviolet","level":7}""";

        var facts = RunProbe(json);

        Assert.Equal("value=ultraviolet", facts[0]);
        Assert.Equal("known=False", facts[1]);
        Assert.Equal("text=ultraviolet", facts[2]);
        Assert.Equal("equalsSame=True", facts[3]);
        Assert.Equal("equalsRed=False", facts[4]);
        Assert.Equal("hashStable=True", facts[5]);
        Assert.Equal("level=7", facts[6]);
        Assert.Equal("levelKnown=False", facts[7]);
        AssertSameJson(json, facts[12]["json=".Length..]);
    }

    [Fact]
    public void KnownValuesKeepWireForm()
    {
        var facts = RunProbe("""{"color":"dark blue","level":2}""");

        Assert.Equal("value=dark blue", facts[0]);
        Assert.Equal("known=True", facts[1]);
        Assert.Equal("levelKnown=True", facts[7]);
        Assert.Equal("redKnown=True", facts[10]);
        Assert.Equal("darkBlue=dark blue", facts[11]);
    }

    [Fact]
    public void DefaultValueComparesWithoutThrowing()
    {
        var facts = RunProbe("""{"color":"red"}""");

        Assert.Equal("defaultText=", facts[8]);
        Assert.Equal("defaultEqualsRed=False", facts[9]);
        Assert.Equal("level=", facts[6]);
    }

    [Fact]
    public void ValueCasingIsPreserved()
    {
        var facts = RunProbe("""{"color":"RED"}""");

        Assert.Equal("value=RED", facts[0]);
        Assert.Equal("known=False", facts[1]);
        AssertSameJson("""{"color":"RED"}""", facts[12]["json=".Length..]);
    }

    [Fact]
    public void HostileEnumValuesRoundTrip()
    {
        // The values of "Hostile Enum" in hostile-names.yaml, read through the Task schema's status property.
        string[] values =
        [
            "with space", "with-dash", "it's", "say \"hi\"", "back\\slash", "class", "1st", "größe", "名前", "*/",
            "</summary>",
        ];
        var specPath = Path.Combine(RepositoryPaths.Fixtures, "specs", "hostile-names.yaml");
        var result = GeneratorHarness.Run(
            [SpecFile.Load(specPath, "Hostile.Api.HostileClient")],
            TestCompilation.Create(extraSources: [HostileProbe]));
        result.AssertCompilesCleanly();

        foreach (var value in values)
        {
            var json = JsonSerializer.Serialize(new Dictionary<string, string> { ["status"] = value });

            var facts = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.HostileProbe", "Run", json)!;

            Assert.Equal("value=" + value, facts[0]);
            Assert.Equal("known=True", facts[1]);
            AssertSameJson(json, facts[2]["json=".Length..]);
        }
    }

    private const string HostileProbe = """
        namespace Consumer;

        /// <summary>Reads a hostile enum value through a model and writes it back.</summary>
        public static class HostileProbe
        {
            /// <summary>Reports the value read, whether it is known, and the JSON written back.</summary>
            public static string[] Run(string json)
            {
                var task = global::Hostile.Api.Task.FromJson(json);
                var status = task.Status!.Value;
                return ["value=" + status.Value, "known=" + status.IsKnown, "json=" + task.ToJson()];
            }
        }
        """;

    [Fact]
    public void LargeEnumUsesSetForIsKnown()
    {
        // Roslyn needs time quadratic in the number of values to bind one long "is a or b or ..." pattern.
        var values = string.Join(", ", Enumerable.Range(0, 2_000).Select(index => $"v{index}"));
        var levels = string.Join(", ", Enumerable.Range(0, 100));
        var spec = $$"""
            openapi: 3.0.3
            info:
              title: Large enums
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Big:
                  type: string
                  enum: [{{values}}]
                Level:
                  type: integer
                  enum: [{{levels}}]
            """;
        const string probe = """
            namespace Consumer;

            /// <summary>Tests membership in the large generated enums.</summary>
            public static class LargeEnumProbe
            {
                /// <summary>Returns IsKnown for listed and unlisted values.</summary>
                public static string[] Run() =>
                [
                    "first=" + new global::Inline.Api.Big("v0").IsKnown,
                    "last=" + global::Inline.Api.Big.V1999.IsKnown,
                    "unlisted=" + new global::Inline.Api.Big("v2000").IsKnown,
                    "caseDiffers=" + new global::Inline.Api.Big("V0").IsKnown,
                    "default=" + default(global::Inline.Api.Big).IsKnown,
                    "level=" + new global::Inline.Api.Level(99).IsKnown,
                    "levelUnlisted=" + new global::Inline.Api.Level(100).IsKnown,
                ];
            }
            """;

        var result = GeneratorHarness.Run([InlineSpecs.File(spec)], TestCompilation.Create(extraSources: [probe]));

        result.AssertCompilesCleanly();
        Assert.DoesNotContain(" or ", result.SourceText("Inline.Api.InlineClient.Models.Big.g.cs"), StringComparison.Ordinal);
        Assert.DoesNotContain(" or ", result.SourceText("Inline.Api.InlineClient.Models.Level.g.cs"), StringComparison.Ordinal);
        var facts = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.LargeEnumProbe", "Run")!;
        string[] expected =
        [
            "first=True", "last=True", "unlisted=False", "caseDiffers=False", "default=False", "level=True",
            "levelUnlisted=False",
        ];
        Assert.Equal(expected, facts);
    }

    [Fact]
    public void TypelessIntegerEnumReadsNumbers()
    {
        // Without a type, enum: [1, 2, 3] still describes JSON numbers, which a string enum cannot read.
        const string spec = """
            openapi: 3.0.3
            info:
              title: Typeless
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Job:
                  type: object
                  properties:
                    priority:
                      $ref: '#/components/schemas/Priority'
                Priority:
                  enum: [1, 2, 3]
            """;
        const string probe = """
            namespace Consumer;

            /// <summary>Reads a typeless integer enum.</summary>
            public static class TypelessProbe
            {
                /// <summary>Reads the JSON and reports the priority.</summary>
                public static string[] Run(string json)
                {
                    var job = global::Inline.Api.Job.FromJson(json);
                    return ["value=" + job.Priority?.Value, "known=" + job.Priority?.IsKnown, "json=" + job.ToJson()];
                }
            }
            """;

        var result = GeneratorHarness.Run([InlineSpecs.File(spec)], TestCompilation.Create(extraSources: [probe]));

        result.AssertCompilesCleanly();
        var facts = (string[])InMemoryAssembly.Invoke(
            result.OutputCompilation, "Consumer.TypelessProbe", "Run", """{"priority":2}""")!;
        Assert.Equal("value=2", facts[0]);
        Assert.Equal("known=True", facts[1]);
        AssertSameJson("""{"priority":2}""", facts[2]["json=".Length..]);
    }

    private static string[] RunProbe(string json)
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(Spec)], TestCompilation.Create(extraSources: [Probe]));
        result.AssertCompilesCleanly();
        return (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.EnumProbe", "Run", json)!;
    }

    /// <summary>Compares two JSON texts by value, ignoring whitespace and escaping differences.</summary>
    private static void AssertSameJson(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        Assert.True(JsonElement.DeepEquals(expectedDocument.RootElement, actualDocument.RootElement),
            $"Expected JSON {expected} but the generated code wrote {actual}.");
    }
}
