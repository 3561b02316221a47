using System.Text;
using Microsoft.CodeAnalysis;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Feeds the generator broken and odd specs. Whatever the input, the build must fail or pass through the generator's
/// own diagnostics, never through a generator exception (CS8785), and any code it still emits must compile.
/// </summary>
public sealed class MalformedSpecTests
{
    private const string Info = "info:\n  title: Odd\n  version: 1.0.0\n";

    /// <summary>Inputs by name; the expected ID is the error the input must produce, or empty when any is fine.</summary>
    public static TheoryData<string, string> Inputs => new()
    {
        { "empty file", "" },
        { "whitespace only", "   \n\n\t\n" },
        { "bare scalar", "hello" },
        { "top-level list", "- openapi: 3.0.3\n- paths: {}\n" },
        { "tab indentation", "openapi: 3.0.3\ninfo:\n\ttitle: Tabs\n" },
        { "unclosed quote", "openapi: \"3.0.3\ninfo: {}\n" },
        { "unclosed flow mapping", "openapi: 3.0.3\n" + Info + "paths: {\n" },
        { "duplicate keys", "openapi: 3.0.3\nopenapi: 3.1.0\n" + Info + "paths: {}\n" },
        { "binary garbage", "\u0000\u0001\u0002\uFFFE openapi" },
        { "byte order mark", "\uFEFFopenapi: 3.0.3\n" + Info + "paths: {}\n" },
        { "two documents", "openapi: 3.0.3\n" + Info + "paths: {}\n---\nopenapi: 3.0.3\n" },
        { "missing version", Info + "paths: {}\n" },
        { "numeric version", "openapi: 3\n" + Info + "paths: {}\n" },
        { "null version", "openapi: ~\n" + Info + "paths: {}\n" },
        { "version as list", "openapi: [3, 0]\n" + Info + "paths: {}\n" },
        { "no info and no paths", "openapi: 3.0.3\n" },
        { "paths as list", "openapi: 3.0.3\n" + Info + "paths:\n  - /a\n  - /b\n" },
        { "path item as scalar", "openapi: 3.0.3\n" + Info + "paths:\n  /a: nothing\n" },
        { "operation as list", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get: [1, 2]\n" },
        { "responses as scalar", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      responses: 7\n" },
        { "schemas as scalar", "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas: 12\n" },
        { "schema as list", "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A: [1]\n" },
        { "type as number", Schema("type: 12") },
        { "unknown type", Schema("type: quaternion") },
        { "properties as list", Schema("type: object\n      properties: [a, b]") },
        { "required not a list", Schema("type: object\n      required: yes\n      properties:\n        a:\n          type: string") },
        { "required names missing property", Schema("type: object\n      required: [ghost]") },
        { "enum as scalar", Schema("type: string\n      enum: red") },
        { "enum with null and numbers", Schema("type: string\n      enum: [red, 1, ~, true]") },
        { "empty enum", Schema("type: string\n      enum: []") },
        { "items missing", Schema("type: array") },
        { "self reference", Schema("type: object\n      properties:\n        next:\n          $ref: '#/components/schemas/A'") },
        { "reference cycle", "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/B'\n    B:\n      $ref: '#/components/schemas/A'\n" },
        { "reference to itself", "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A:\n      $ref: '#/components/schemas/A'\n" },
        { "reference to non-schema", Schema("type: object\n      properties:\n        x:\n          $ref: '#/info'") },
        { "reference with escapes", Schema("type: object\n      properties:\n        x:\n          $ref: '#/components/schemas/a~1b~0c%20d'") },
        { "reference as number", Schema("type: object\n      properties:\n        x:\n          $ref: 5") },
        { "allOf with scalar", Schema("allOf: [3, {type: object}]") },
        { "oneOf empty", Schema("oneOf: []") },
        { "additionalProperties as string", Schema("type: object\n      additionalProperties: sure") },
        { "path parameter missing from path", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - name: id\n          in: path\n          required: true\n          schema: {type: string}\n      responses:\n        '204': {description: ok}\n" },
        { "path template without parameter", "openapi: 3.0.3\n" + Info + "paths:\n  /a/{id}:\n    get:\n      operationId: a\n      responses:\n        '204': {description: ok}\n" },
        { "parameter without name", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - in: query\n      responses:\n        '204': {description: ok}\n" },
        { "unknown parameter location", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - name: x\n          in: body\n      responses:\n        '204': {description: ok}\n" },
        { "operationId empty", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: ''\n      responses:\n        '204': {description: ok}\n" },
        { "operationId only symbols", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: '$/-'\n      responses:\n        '204': {description: ok}\n" },
        { "request media type as list", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    post:\n      operationId: a\n      requestBody:\n        content:\n          ? [odd, key]\n          : schema: {type: string}\n      responses:\n        '204': {description: ok}\n" },
        { "response media type as mapping", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    get:\n      operationId: a\n      responses:\n        '200':\n          description: ok\n          content:\n            ? {odd: key}\n            : schema: {type: string}\n" },
        { "unknown HTTP method", "openapi: 3.0.3\n" + Info + "paths:\n  /a:\n    fetch:\n      operationId: a\n      responses:\n        '204': {description: ok}\n" },
        { "x-pagination as scalar", Paged("x-pagination: yes") },
        { "x-pagination unknown parameter", Paged("x-pagination:\n        offsetParameter: skip\n        limitParameter: take\n        itemsProperty: items\n        totalProperty: total") },
        { "x-pagination bad items", Paged("x-pagination:\n        offsetParameter: offset\n        limitParameter: limit\n        itemsProperty: total\n        totalProperty: items") },
        { "yaml alias to mapping", "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A: &shape\n      type: object\n    B: *shape\n" },
        { "undefined alias", "openapi: 3.0.3\n" + Info + "paths: *nowhere\n" },
        { "alias fan-out", AliasFanOut() },
        { "deep nesting", DeepNesting(200) },
        { "huge number", Schema("type: integer\n      maximum: 1e999999\n      default: 99999999999999999999999999") },
        { "json with comments", "{ // comment\n \"openapi\": \"3.0.3\" }" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public void BrokenSpecNeverThrows(string name, string text)
    {
        var result = GeneratorHarness.Run(InlineSpecs.File(text));

        result.AssertGeneratorDidNotThrow();
        Assert.All(result.GeneratorDiagnostics, diagnostic =>
            Assert.True(diagnostic.Id.StartsWith("PCG", StringComparison.Ordinal),
                $"{name}: unexpected {DiagnosticText.FormatOne(diagnostic)}"));
        Assert.All(result.GeneratorDiagnostics, diagnostic =>
            Assert.Equal(InlineSpecs.SpecPath, diagnostic.Location.GetLineSpan().Path));

        // A spec the generator does not reject must give code that compiles.
        if (!result.GeneratorDiagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error))
        {
            var problems = result.CompilerProblems();
            Assert.True(problems.Count == 0,
                $"{name}: the generator reported no error but its code does not compile:\n"
                + DiagnosticText.Format(problems, result.OutputCompilation));
        }
    }

    [Theory]
    [InlineData("empty file", "")]
    [InlineData("bare scalar", "hello")]
    [InlineData("top-level list", "- openapi: 3.0.3\n")]
    [InlineData("paths as list", "openapi: 3.0.3\ninfo:\n  title: Odd\n  version: 1.0.0\npaths:\n  - /a\n")]
    [InlineData("unclosed flow mapping", "openapi: 3.0.3\npaths: {\n")]
    [InlineData("missing version", "info:\n  title: Odd\n  version: 1.0.0\npaths: {}\n")]
    public void UnusableSpecReportsError(string name, string text)
    {
        var result = GeneratorHarness.Run(InlineSpecs.File(text));

        Assert.True(result.GeneratorDiagnostics.Any(diagnostic => diagnostic.Severity == DiagnosticSeverity.Error),
            $"{name}: no error reported; diagnostics:\n{result.DescribeGeneratorDiagnostics()}");
    }

    [Fact]
    public void UnoptedFilesAreIgnored()
    {
        var result = GeneratorHarness.Run(
            InlineSpecs.File("this is: [not, valid", clientName: null),
            new SpecFile("/project/appsettings.json", "{ \"Logging\": {} }", null),
            new SpecFile("/project/readme.md", "openapi: 3.0.3", "Ignored.Client"));

        Assert.Empty(result.GeneratorDiagnostics);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void TwoSpecsGenerateSideBySide()
    {
        var result = GeneratorHarness.Run(
            new SpecFile("/project/a.yaml", InlineSpecs.TwoSchemas, "First.Api.FirstClient"),
            new SpecFile("/project/b.yml", InlineSpecs.TwoSchemas, "Second.Api.SecondClient"));

        result.AssertCompilesCleanly();
        Assert.Contains(result.Sources, source => source.HintName.Contains("First", StringComparison.Ordinal));
        Assert.Contains(result.Sources, source => source.HintName.Contains("Second", StringComparison.Ordinal));
    }

    [Fact]
    public void SameClientNameTwiceDoesNotThrow()
    {
        var result = GeneratorHarness.Run(
            new SpecFile("/project/a.yaml", InlineSpecs.TwoSchemas, "Same.Api.SameClient"),
            new SpecFile("/project/b.yaml", InlineSpecs.TwoSchemas, "Same.Api.SameClient"));

        // Two files with one hint name would make AddSource throw; the generator must report it instead.
        result.AssertGeneratorDidNotThrow();
        Assert.Contains(result.GeneratorDiagnostics, diagnostic => diagnostic.Severity == DiagnosticSeverity.Error);
    }

    [Fact]
    public void NestingPastLimitIsPcg008()
    {
        // YamlDotNet loads a document recursively, so 100,000 nested lists would overflow the compiler's stack.
        var text = "openapi: 3.0.3\n" + Info + "paths: {}\nx-deep: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var result = GeneratorHarness.Run(InlineSpecs.File(text));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG008", diagnostic.Id);
        Assert.Contains("deeper than 128 levels", diagnostic.GetMessage(), StringComparison.Ordinal);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal(6, start.Line + 1);
        Assert.Equal(136, start.Character + 1);
    }

    [Fact]
    public void AliasedListKeyIsPcg008()
    {
        // The key aliases a list that expands to 10^8 items; YamlDotNet hashes a key in full when it loads it.
        var text = AliasFanOut(levels: 8) + "x-key:\n  ? *l8\n  : value\n";

        var result = GeneratorHarness.Run(InlineSpecs.File(text));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG008", diagnostic.Id);
        Assert.Contains("mapping key is a list or a mapping", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(17, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Theory]
    [InlineData("{$ref: '#/x-chain/S{1}'}")]
    [InlineData("{allOf: [{$ref: '#/x-chain/S{1}'}]}")]
    [InlineData("{allOf: [{$ref: '#/x-chain/S{1}'}], properties: {p{0}: {type: string}}}")]
    public void LongSchemaChainIsPcg008(string link)
    {
        // Each link of the chain is one level of recursion; 20,000 of them would overflow the compiler's stack.
        var builder = new StringBuilder("openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n"
            + "    Root: {allOf: [{$ref: '#/x-chain/S0'}], properties: {x: {$ref: '#/x-chain/S0'}}}\nx-chain:\n");
        for (var index = 0; index < 20_000; index++)
        {
            builder.Append("  S").Append(index).Append(": ").Append(link.Replace("{0}", $"{index}").Replace("{1}", $"{index + 1}")).Append('\n');
        }

        builder.Append("  S20000: {type: object, properties: {last: {type: string}}}\n");

        var result = GeneratorHarness.Run(InlineSpecs.File(builder.ToString()));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG008", diagnostic.Id);
        Assert.Contains("more than 128 levels deep", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(InlineSpecs.SpecPath, diagnostic.Location.GetLineSpan().Path);
    }

    [Fact]
    public void RepeatedStatusRangeCompiles()
    {
        // 4XX and 4xx are two YAML keys for one range; two switch arms for it are error CS8510.
        var result = GeneratorHarness.Run(InlineSpecs.File("""
            openapi: 3.0.3
            info:
              title: Odd
              version: 1.0.0
            paths:
              /a:
                get:
                  operationId: a
                  responses:
                    '204': {description: ok}
                    4XX:
                      description: Upper.
                      content: {application/json: {schema: {$ref: '#/components/schemas/Upper'}}}
                    4xx:
                      description: Lower.
                      content: {application/json: {schema: {$ref: '#/components/schemas/Lower'}}}
            components:
              schemas:
                Upper: {type: object, properties: {a: {type: string}}}
                Lower: {type: object, properties: {b: {type: string}}}
            """));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG006", diagnostic.Id);
        Assert.Equal(14, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var problems = result.CompilerProblems();
        Assert.True(problems.Count == 0, DiagnosticText.Format(problems, result.OutputCompilation));
    }

    [Theory]
    [InlineData("Content-Length", "content header")]
    [InlineData("X Trace", "contains ' '")]
    [InlineData("X-Naïve", "contains 'ï'")]
    public void UnsendableHeaderIsPcg006(string header, string reason)
    {
        // HttpRequestHeaders.TryAddWithoutValidation returns false for these names, so the value would vanish.
        var result = GeneratorHarness.Run(InlineSpecs.File($$"""
            openapi: 3.0.3
            info:
              title: Headers
              version: 1.0.0
            paths:
              /ping:
                get:
                  operationId: ping
                  parameters:
                    - name: {{header}}
                      in: header
                      schema: {type: string}
                  responses:
                    '204': {description: Nothing.}
            """));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG006", diagnostic.Id);
        Assert.Contains(reason, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(10, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var method = result.OutputCompilation.GetTypeByMetadataName("Inline.Api.IInlineClient")?
            .GetMembers("PingAsync").OfType<IMethodSymbol>().Single();
        Assert.NotNull(method);
        Assert.Equal(["cancellationToken"], method.Parameters.Select(parameter => parameter.Name));
    }

    [Fact]
    public void UnusedPathParameterIsPcg006()
    {
        // The method still takes the argument, so the caller must learn that its value goes nowhere.
        var result = GeneratorHarness.Run(InlineSpecs.File("""
            openapi: 3.0.3
            info:
              title: Unused
              version: 1.0.0
            paths:
              /items:
                get:
                  operationId: listItems
                  parameters:
                    - {name: itemId, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: Nothing.}
            """));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG006", diagnostic.Id);
        Assert.Contains("'itemId'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Equal(8, diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1);
        var problems = result.CompilerProblems();
        Assert.True(problems.Count == 0, DiagnosticText.Format(problems, result.OutputCompilation));
    }

    [Fact]
    public void ListMediaTypeKeyIsPcg008()
    {
        var result = GeneratorHarness.Run(InlineSpecs.File("""
            openapi: 3.0.3
            info:
              title: Media types
              version: 2.0.0
            paths:
              /upload:
                post:
                  operationId: upload
                  requestBody:
                    content:
                      ? [odd, key]
                      : schema: {type: string}
                  responses:
                    '204': {description: ok}
            """));

        result.AssertGeneratorDidNotThrow();
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal("PCG008", diagnostic.Id);
        var start = diagnostic.Location.GetLineSpan().StartLinePosition;
        Assert.Equal((11, 13), (start.Line + 1, start.Character + 1));
    }

    private static string Schema(string body) =>
        "openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A:\n      " + body + "\n";

    private static string Paged(string pagination) =>
        "openapi: 3.0.3\n" + Info
        + "paths:\n  /items:\n    get:\n      operationId: listItems\n"
        + "      parameters:\n        - {name: offset, in: query, schema: {type: integer}}\n"
        + "        - {name: limit, in: query, schema: {type: integer}}\n"
        + "      " + pagination + "\n"
        + "      responses:\n        '200':\n          description: A page.\n          content:\n"
        + "            application/json:\n              schema:\n                type: object\n"
        + "                properties:\n                  items: {type: array, items: {type: string}}\n"
        + "                  total: {type: integer}\n";

    /// <summary>A "billion laughs": aliases that fan out to 10^(levels + 1) leaves if a walker expands them.</summary>
    private static string AliasFanOut(int levels = 5)
    {
        var builder = new StringBuilder("openapi: 3.0.3\n" + Info + "paths: {}\nx-bomb:\n  l0: &l0 [a, a, a, a, a, a, a, a, a, a]\n");
        for (var level = 1; level <= levels; level++)
        {
            var previous = $"*l{level - 1}";
            builder.Append($"  l{level}: &l{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        return builder.ToString();
    }

    /// <summary>A schema nested inside itself through properties, <paramref name="depth"/> levels deep.</summary>
    private static string DeepNesting(int depth)
    {
        var builder = new StringBuilder("openapi: 3.0.3\n" + Info + "paths: {}\ncomponents:\n  schemas:\n    A: ");
        for (var level = 0; level < depth; level++)
        {
            builder.Append("{type: object, properties: {p: ");
        }

        builder.Append("{type: string}");
        for (var level = 0; level < depth; level++)
        {
            builder.Append("}}");
        }

        return builder.Append('\n').ToString();
    }
}
