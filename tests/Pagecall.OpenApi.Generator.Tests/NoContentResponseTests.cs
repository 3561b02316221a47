using Microsoft.CodeAnalysis;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Operations that declare a JSON success response and a success status without content, such as '200' and
/// '204'. The generated method returns null for the empty response, over a real HTTP round trip on loopback.
/// </summary>
public sealed class NoContentResponseTests : IAsyncLifetime
{
    private const string Spec = """
        openapi: 3.0.3
        info:
          title: Notes
          version: 1.0.0
        paths:
          /notes/{id}:
            get:
              operationId: getNote
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The note.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Note'}
                '204': {description: The note has no text yet.}
          /counts/{id}:
            get:
              operationId: getCount
              parameters:
                - {name: id, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: The count.
                  content:
                    application/json:
                      schema: {type: integer}
                '204': {description: Nothing counted yet.}
          /notes:
            get:
              operationId: listNotes
              parameters:
                - {name: offset, in: query, schema: {type: integer}}
                - {name: limit, in: query, schema: {type: integer}}
              x-pagination:
                offsetParameter: offset
                limitParameter: limit
                itemsProperty: notes
                totalProperty: total
              responses:
                '200':
                  description: A page of notes.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/NotePage'}
                '204': {description: No notes.}
          /latest:
            get:
              operationId: getLatestNote
              responses:
                '200':
                  description: The latest note.
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Note'}
        components:
          schemas:
            Note:
              type: object
              properties:
                text: {type: string}
            NotePage:
              type: object
              required: [notes]
              properties:
                notes:
                  type: array
                  items: {$ref: '#/components/schemas/Note'}
                total: {type: integer}
        """;

    private const string Probe = """
        namespace Consumer;

        /// <summary>Calls each operation and describes what the generated client returned.</summary>
        public static class NoContentProbe
        {
            /// <summary>Sends the requests in a fixed order.</summary>
            public static string[] Run(string baseAddress)
            {
                using var http = new global::System.Net.Http.HttpClient { BaseAddress = new global::System.Uri(baseAddress) };
                var client = new global::Inline.Api.InlineClient(http);
                var emptyNote = client.GetNoteAsync("empty").GetAwaiter().GetResult();
                var fullNote = client.GetNoteAsync("full").GetAwaiter().GetResult();
                var emptyCount = client.GetCountAsync("empty").GetAwaiter().GetResult();
                var fullCount = client.GetCountAsync("full").GetAwaiter().GetResult();
                var pages = 0;
                var enumerator = global::Inline.Api.InlineClientPaginationExtensions.ListNotesAllAsync(client).GetAsyncEnumerator();
                while (enumerator.MoveNextAsync().AsTask().GetAwaiter().GetResult())
                {
                    pages++;
                }

                return
                [
                    emptyNote is null ? "null" : "note",
                    fullNote?.Text ?? "null",
                    emptyCount is null ? "null" : "count",
                    fullCount?.ToString(global::System.Globalization.CultureInfo.InvariantCulture) ?? "null",
                    pages.ToString(global::System.Globalization.CultureInfo.InvariantCulture),
                ];
            }
        }
        """;

    private LoopbackApiServer _server = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackApiServer.StartAsync(request => request.Path switch
        {
            "/v1/notes/full" => new CannedResponse(200, """{"text": "hello"}"""),
            "/v1/counts/full" => new CannedResponse(200, "7"),
            "/v1/latest" => new CannedResponse(200, """{"text": "latest"}"""),
            _ => new CannedResponse(204, ""),
        });
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void NoContentResponseReturnsNull()
    {
        var result = Generate();

        var outcome = (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.NoContentProbe", "Run",
            _server.BaseAddress.ToString())!;

        Assert.Equal("null", outcome[0]);
        Assert.Equal("hello", outcome[1]);
        Assert.Equal("null", outcome[2]);
        Assert.Equal("7", outcome[3]);
        Assert.Equal("0", outcome[4]);
        Assert.Equal(
            ["GET /v1/notes/empty", "GET /v1/notes/full", "GET /v1/counts/empty", "GET /v1/counts/full", "GET /v1/notes"],
            _server.TakeAll().Select(request => $"{request.Method} {request.RawPath}"));
    }

    [Fact]
    public void OptionalResultIsNullable()
    {
        var client = ClientInterface();

        Assert.Equal("System.Threading.Tasks.Task<Inline.Api.Note?>", ReturnType(client, "GetNoteAsync"));
        Assert.Equal("System.Threading.Tasks.Task<long?>", ReturnType(client, "GetCountAsync"));
        Assert.Equal("System.Threading.Tasks.Task<Inline.Api.NotePage?>", ReturnType(client, "ListNotesAsync"));
    }

    [Fact]
    public void BodyOnlyResultStaysNonNullable()
    {
        var client = ClientInterface();

        Assert.Equal("System.Threading.Tasks.Task<Inline.Api.Note>", ReturnType(client, "GetLatestNoteAsync"));
    }

    private static GenerationResult Generate()
    {
        var result = GeneratorHarness.Run([InlineSpecs.File(Spec)], TestCompilation.Create(extraSources: [Probe]));
        result.AssertCompilesCleanly();
        return result;
    }

    private static INamedTypeSymbol ClientInterface()
    {
        var client = Generate().OutputCompilation.GetTypeByMetadataName("Inline.Api.IInlineClient");
        Assert.NotNull(client);
        return client;
    }

    private static string ReturnType(INamedTypeSymbol type, string methodName) =>
        type.GetMembers(methodName).OfType<IMethodSymbol>().Single().ReturnType
            .ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat.WithMiscellaneousOptions(
                SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier
                | SymbolDisplayMiscellaneousOptions.UseSpecialTypes))
            .Replace("global::", "", StringComparison.Ordinal);
}
