using Pagecall.OpenApi.Generator.Model;
using Pagecall.OpenApi.Generator.Parsing;

namespace Pagecall.OpenApi.Generator.Tests.Parsing;

public sealed class ParserDiagnosticTests
{
    private const string Header = "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1'\n";

    private static DocumentModel Parse(string text, string clientName = "Contoso.Api.ContosoClient") =>
        DocumentParser.Parse(new SpecInput("/specs/test.yaml", text, clientName), TestContext.Current.CancellationToken);

    private static DiagnosticInfo Single(DocumentModel document, string id)
    {
        var matches = document.Diagnostics.Where(d => d.Id == id).ToList();
        Assert.Single(matches);
        return matches[0];
    }

    [Fact]
    public void SyntaxErrorIsLocatedAtTheParserMark()
    {
        var document = Parse(Header + "paths:\n  /a: [unclosed\n");

        var diagnostic = Single(document, "PCG001");
        Assert.True(document.HasErrors);
        Assert.True(diagnostic.StartLine >= 5);
    }

    [Fact]
    public void DuplicateKeyIsASyntaxError()
    {
        var document = Parse(Header + "paths: {}\npaths: {}\n");

        Assert.Single(document.Diagnostics, d => d.Id == "PCG001");
    }

    [Theory]
    [InlineData("swagger: '2.0'\n")]
    [InlineData("openapi: 2.5.0\n")]
    [InlineData("info: {}\n")]
    public void UnsupportedVersionIsAnError(string text)
    {
        var document = Parse(text);

        Assert.Equal("PCG002", Assert.Single(document.Diagnostics).Id);
    }

    [Fact]
    public void VersionErrorPointsAtTheValue()
    {
        var diagnostic = Single(Parse("swagger: '2.0'\n"), "PCG002");

        Assert.Equal(0, diagnostic.StartLine);
        Assert.Equal(9, diagnostic.StartColumn);
    }

    [Fact]
    public void MissingReferenceIsReportedAtTheRefValue()
    {
        var text = Header + "components:\n  schemas:\n    A:\n      type: object\n      properties:\n        b:\n          $ref: '#/components/schemas/Missing'\n";

        var diagnostic = Single(Parse(text), "PCG003");

        Assert.Equal(10, diagnostic.StartLine);
        Assert.Equal(16, diagnostic.StartColumn);
    }

    [Fact]
    public void ExternalReferenceSaysOnlyLocalOnesWork()
    {
        var text = Header + "components:\n  schemas:\n    A:\n      $ref: 'other.yaml#/B'\n";

        var diagnostic = Single(Parse(text), "PCG003");

        Assert.Contains("only local references", diagnostic.Arguments[1], StringComparison.Ordinal);
    }

    [Fact]
    public void MissingOperationIdNamesTheFallback()
    {
        var text = Header + "paths:\n  /users/{id}:\n    get:\n      parameters:\n        - {name: id, in: path, required: true, schema: {type: string}}\n      responses: {'204': {description: ok}}\n";

        var document = Parse(text);

        var diagnostic = Single(document, "PCG004");
        Assert.Equal("GetUsersByIdAsync", diagnostic.Arguments[2]);
        Assert.False(document.HasErrors);
        Assert.Equal("GetUsersById", Assert.Single(document.Operations).Name);
    }

    [Fact]
    public void CollidingSchemaNamesAreAnError()
    {
        var text = Header + "components:\n  schemas:\n    user-id: {type: object, properties: {a: {type: string}}}\n    UserId: {type: object, properties: {a: {type: string}}}\n";

        var diagnostic = Single(Parse(text), "PCG005");

        Assert.Equal("UserId", diagnostic.Arguments[3]);
    }

    [Fact]
    public void CollidingParametersAreAnError()
    {
        var text = Header + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - {name: page_size, in: query, schema: {type: integer}}\n        - {name: pageSize, in: query, schema: {type: integer}}\n      responses: {'204': {description: ok}}\n";

        Assert.Equal("pageSize", Single(Parse(text), "PCG005").Arguments[3]);
    }

    [Fact]
    public void CollidingEnumValuesAreAnError()
    {
        var text = Header + "components:\n  schemas:\n    E: {type: string, enum: [in-progress, in_progress]}\n";

        Assert.Equal("InProgress", Single(Parse(text), "PCG005").Arguments[3]);
    }

    [Fact]
    public void CookieParameterIsAWarning()
    {
        var text = Header + "paths:\n  /a:\n    get:\n      operationId: a\n      parameters:\n        - {name: session, in: cookie, schema: {type: string}}\n      responses: {'204': {description: ok}}\n";

        var document = Parse(text);

        Single(document, "PCG006");
        Assert.False(document.HasErrors);
        Assert.Empty(document.Operations[0].Parameters);
    }

    [Fact]
    public void MalformedPaginationIsAWarningWithoutHelper()
    {
        var text = Header + "paths:\n  /a:\n    get:\n      operationId: listA\n      x-pagination: {offsetParameter: offset}\n      responses: {'204': {description: ok}}\n";

        var document = Parse(text);

        Assert.Contains("offsetParameter", Single(document, "PCG006").Arguments[1], StringComparison.Ordinal);
        Assert.Null(document.Operations[0].Pagination);
    }

    [Fact]
    public void InvalidClientNameIsAnError()
    {
        var document = Parse(Header, "NoNamespace");

        Assert.Equal("PCG007", Assert.Single(document.Diagnostics).Id);
        Assert.True(document.HasErrors);
    }

    [Fact]
    public void UndeclaredPathParameterIsAnError()
    {
        var text = Header + "paths:\n  /a/{id}:\n    get:\n      operationId: a\n      responses: {'204': {description: ok}}\n";

        Single(Parse(text), "PCG008");
    }

    [Fact]
    public void PagecallSpecParsesWithoutDiagnostics()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "../../../../../specs/pagecall.v1.yaml");

        var document = Parse(File.ReadAllText(path));

        Assert.Empty(document.Diagnostics);
        Assert.Equal(4, document.Operations.Count(o => o.Pagination is not null));
    }
}
