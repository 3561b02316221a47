using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// One small spec per diagnostic ID, checking the ID, the severity and the position in the spec file. Positions are
/// written 1-based, as the compiler prints them in <c>spec.yaml(line,column)</c>.
/// </summary>
public sealed class DiagnosticLocationTests
{
    private const string Header = """
        openapi: 3.0.3
        info:
          title: Diagnostics
          version: 1.0.0

        """;

    [Fact]
    public void YamlSyntaxErrorIsPcg001AtParserMark()
    {
        const string spec = """
            openapi: 3.0.3
            info:
              title: Broken: here
              version: 1.0.0
            paths: {}
            """;

        var result = Generate(spec);

        // The parser stops at the second ':' on the title line.
        AssertOnly(result, "PCG001", DiagnosticSeverity.Error, spec, line: 3, column: 16);
    }

    [Fact]
    public void JsonSyntaxErrorIsPcg001AtParserMark()
    {
        const string spec = """
            {
              "openapi": "3.0.3",
              "info": { "title": "Broken", "version": "1.0.0" ],
              "paths": {}
            }
            """;

        var result = Generate(spec, path: "/project/specs/inline.json");

        // The parser stops at the ']' that closes a '{'.
        AssertOnly(result, "PCG001", DiagnosticSeverity.Error, spec, line: 3, column: 51,
            path: "/project/specs/inline.json");
    }

    [Fact]
    public void SwaggerDocumentIsPcg002AtVersion()
    {
        const string spec = """
            swagger: "2.0"
            info:
              title: Old
              version: 1.0.0
            paths: {}
            """;

        var result = Generate(spec);

        var diagnostic = AssertOnly(result, "PCG002", DiagnosticSeverity.Error, spec, line: 1, column: 10);
        Assert.Contains("2.0", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownOpenApiVersionIsPcg002()
    {
        const string spec = """
            openapi: 4.0.0
            info:
              title: Future
              version: 1.0.0
            paths: {}
            """;

        var result = Generate(spec);

        AssertOnly(result, "PCG002", DiagnosticSeverity.Error, spec, line: 1, column: 10);
    }

    [Fact]
    public void OpenApi31IsAccepted()
    {
        var result = Generate(Header.Replace("3.0.3", "3.1.0", StringComparison.Ordinal) + """
            paths: {}
            components:
              schemas:
                Thing:
                  type: object
                  properties:
                    name:
                      type: [string, "null"]
            """);

        result.AssertCompilesCleanly();
        Assert.NotEmpty(result.Sources);
    }

    [Fact]
    public void MissingReferenceIsPcg003AtRefValue()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Widget:
                  type: object
                  properties:
                    part:
                      $ref: '#/components/schemas/Missing'
            """;

        var result = Generate(spec);

        var diagnostic = AssertOnly(result, "PCG003", DiagnosticSeverity.Error, spec, line: 12, column: 17);
        Assert.Contains("#/components/schemas/Missing", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("'Missing' does not exist", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Point the reference at an existing component", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ReferenceCycleIsPcg003NamingFix()
    {
        var spec = Header + """
            paths:
              /widgets:
                parameters:
                  - $ref: '#/components/parameters/A'
                get:
                  operationId: listWidgets
                  responses:
                    '204':
                      description: Nothing.
            components:
              parameters:
                A:
                  $ref: '#/components/parameters/B'
                B:
                  $ref: '#/components/parameters/A'
            """;

        var result = Generate(spec);

        // The walk starts at the path's parameter and stops when it reaches A a second time, at A's $ref value.
        var diagnostic = AssertOnly(result, "PCG003", DiagnosticSeverity.Error, spec, line: 17, column: 13);
        Assert.Contains("the references form a cycle", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("Point one of them at a schema", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void ExternalReferenceIsPcg003SayingLocalOnly()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Widget:
                  type: object
                  properties:
                    part:
                      $ref: 'parts.yaml#/components/schemas/Part'
            """;

        var result = Generate(spec);

        var diagnostic = AssertOnly(result, "PCG003", DiagnosticSeverity.Error, spec, line: 12, column: 17);
        Assert.Contains("local", diagnostic.GetMessage(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void OperationWithoutIdIsPcg004NamingFallback()
    {
        var spec = Header + """
            paths:
              /widgets/{id}:
                get:
                  parameters:
                    - name: id
                      in: path
                      required: true
                      schema:
                        type: string
                  responses:
                    '204':
                      description: Nothing.
            """;

        var result = Generate(spec);

        var diagnostic = AssertOnly(result, "PCG004", DiagnosticSeverity.Warning, spec, line: 7, column: 5);
        var message = diagnostic.GetMessage();
        Assert.Contains("/widgets/{id}", message, StringComparison.Ordinal);
        var fallback = Regex.Match(message, "named '([^']+)'").Groups[1].Value;
        Assert.EndsWith("Async", fallback, StringComparison.Ordinal);
        Assert.Contains(result.Sources, source => source.SourceText.ToString().Contains(
            " " + fallback + "(", StringComparison.Ordinal));
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void CollidingPropertyNamesArePcg005()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Account:
                  type: object
                  properties:
                    user-name:
                      type: string
                    user_name:
                      type: string
            """;

        var result = Generate(spec);

        var diagnostic = AssertOnly(result, "PCG005", DiagnosticSeverity.Error, spec, line: 13, column: 9);
        Assert.Contains("user-name", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("user_name", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("UserName", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Fact]
    public void CollidingSchemaNamesArePcg005()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                user-name:
                  type: object
                UserName:
                  type: object
            """;

        var result = Generate(spec);

        AssertOnly(result, "PCG005", DiagnosticSeverity.Error, spec, line: 10, column: 5);
    }

    [Fact]
    public void CollidingOperationIdsArePcg005()
    {
        var spec = Header + """
            paths:
              /a:
                get:
                  operationId: get-user
                  responses:
                    '204':
                      description: Nothing.
              /b:
                get:
                  operationId: get_user
                  responses:
                    '204':
                      description: Nothing.
            """;

        var result = Generate(spec);

        AssertOnly(result, "PCG005", DiagnosticSeverity.Error, spec, line: 14, column: 20);
    }

    [Fact]
    public void NotKeywordIsPcg006NamingConstruct()
    {
        var spec = Header + """
            paths: {}
            components:
              schemas:
                Widget:
                  type: object
                  properties:
                    name:
                      not:
                        type: integer
            """;

        var result = Generate(spec);

        // The diagnostic points at the schema under 'not', which starts on the line after the key.
        var diagnostic = AssertOnly(result, "PCG006", DiagnosticSeverity.Warning, spec, line: 13, column: 13);
        Assert.Contains("'not'", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("it is ignored", diagnostic.GetMessage(), StringComparison.Ordinal);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void CookieParameterIsPcg006()
    {
        var spec = Header + """
            paths:
              /widgets:
                get:
                  operationId: listWidgets
                  parameters:
                    - name: session
                      in: cookie
                      schema:
                        type: string
                  responses:
                    '204':
                      description: Nothing.
            """;

        var result = Generate(spec);

        // The diagnostic points at the value of 'in'.
        var diagnostic = AssertOnly(result, "PCG006", DiagnosticSeverity.Warning, spec, line: 11, column: 15);
        Assert.Contains("cookie", diagnostic.GetMessage(), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("it is not sent", diagnostic.GetMessage(), StringComparison.Ordinal);
        result.AssertCompilesCleanly();
    }

    [Fact]
    public void WrongNodeKindIsPcg008()
    {
        var spec = Header + """
            paths: 5
            """;

        var result = Generate(spec);

        // The diagnostic points at the scalar 5, where a mapping of paths is required.
        var diagnostic = AssertOnly(result, "PCG008", DiagnosticSeverity.Error, spec, line: 5, column: 8);
        Assert.Contains("paths", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Fact]
    public void UndeclaredPathParameterIsPcg008()
    {
        var spec = Header + """
            paths:
              /widgets/{id}:
                get:
                  operationId: getWidget
                  responses:
                    '204':
                      description: Nothing.
            """;

        var result = Generate(spec);

        // The diagnostic points at the operation that lacks the parameter, where its mapping starts.
        var diagnostic = AssertOnly(result, "PCG008", DiagnosticSeverity.Error, spec, line: 8, column: 7);
        Assert.Contains("{id}", diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("x-sensitive", "yes")]
    [InlineData("x-sensitive", "'on'")]
    [InlineData("x-sensitive", "1")]
    [InlineData("writeOnly", "on")]
    public void NonBooleanSensitiveMarkerIsPcg008(string keyword, string value)
    {
        var spec = LoginSpec(keyword, value);

        var result = Generate(spec);

        // The diagnostic points at the value, because a mark that is silently ignored would print the secret.
        var column = 31 + keyword.Length;
        var diagnostic = AssertOnly(result, "PCG008", DiagnosticSeverity.Error, spec, line: 11, column: column);
        Assert.Contains(keyword, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains(value.Trim('\''), diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Contains("true or false", diagnostic.GetMessage(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("TRUE")]
    [InlineData("false")]
    [InlineData("FALSE")]
    public void YamlBooleanSensitiveMarkerIsAccepted(string value)
    {
        var spec = LoginSpec("x-sensitive", value);

        var result = Generate(spec);

        Assert.Empty(result.GeneratorDiagnostics);
        var login = result.Sources.Single(source => source.HintName.EndsWith(".Login.g.cs", StringComparison.Ordinal));
        var source = login.SourceText.ToString();
        var redacted = source.Contains("AppendRedacted(builder, Pin)", StringComparison.Ordinal);
        Assert.Equal(value == "TRUE", redacted);
    }

    [Theory]
    [InlineData("My Client")]
    [InlineData("1Client")]
    [InlineData("Api..Client")]
    [InlineData("Api.Client.")]
    [InlineData(".Client")]
    [InlineData("Api.Cli-ent")]
    public void InvalidClientNameIsPcg007(string clientName)
    {
        var spec = Header + "paths: {}\n";

        var result = Generate(spec, clientName: clientName);

        var diagnostic = AssertOnly(result, "PCG007", DiagnosticSeverity.Error, spec, line: 1, column: 1);
        Assert.Contains(clientName, diagnostic.GetMessage(), StringComparison.Ordinal);
        Assert.Empty(result.Sources);
    }

    [Theory]
    [InlineData("Api.Client")]
    [InlineData("Contoso.Api.V2.ContosoClient")]
    [InlineData("Größe.Api.名前Client")]
    public void ValidClientNameGeneratesCode(string clientName)
    {
        var result = Generate(Header + "paths: {}\n", clientName: clientName);

        result.AssertCompilesCleanly();
        Assert.NotEmpty(result.Sources);
    }

    /// <summary>Returns a spec whose Login model has one string property, pin, with the given keyword and value.</summary>
    private static string LoginSpec(string keyword, string value) => Header + $$"""
        paths: {}
        components:
          schemas:
            Login:
              type: object
              properties:
                pin: {type: string, {{keyword}}: {{value}}}
        """;

    private static GenerationResult Generate(
        string spec, string path = InlineSpecs.SpecPath, string clientName = InlineSpecs.ClientName)
    {
        var result = GeneratorHarness.Run(new SpecFile(path, spec, clientName));
        result.AssertGeneratorDidNotThrow();
        return result;
    }

    /// <summary>
    /// Asserts that the run reported exactly one diagnostic, with this ID and severity, located in the spec file at
    /// the 1-based line and column, and that its text span starts at the same place as its line span.
    /// </summary>
    private static Diagnostic AssertOnly(
        GenerationResult result, string id, DiagnosticSeverity severity, string spec, int line, int column,
        string path = InlineSpecs.SpecPath)
    {
        var diagnostic = Assert.Single(result.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(severity, diagnostic.Severity);
        Assert.Equal(LocationKind.ExternalFile, diagnostic.Location.Kind);

        var lineSpan = diagnostic.Location.GetLineSpan();
        Assert.Equal(path, lineSpan.Path);
        Assert.Equal((line, column), (lineSpan.StartLinePosition.Line + 1, lineSpan.StartLinePosition.Character + 1));

        var expectedStart = SourceText.From(spec).Lines.GetPosition(lineSpan.StartLinePosition);
        Assert.Equal(expectedStart, diagnostic.Location.SourceSpan.Start);
        return diagnostic;
    }
}
