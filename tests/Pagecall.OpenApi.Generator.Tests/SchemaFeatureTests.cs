using System.Globalization;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Compiles a small OpenAPI 3.1 spec with allOf, oneOf, anyOf, 3.1 null types, maps (typed and open), the uri and
/// int64 formats, exploded and joined array query parameters, a header parameter and a form body. The generated client then runs against a loopback server, and
/// the tests check the wire traffic and the objects read back.
/// </summary>
public sealed class SchemaFeatureTests : IAsyncLifetime
{
    private const string Spec = """
        openapi: 3.1.0
        info:
          title: Features
          version: 1.0.0
        paths:
          /search:
            get:
              operationId: search
              parameters:
                - name: tag
                  in: query
                  schema:
                    type: array
                    items:
                      type: string
                - name: ids
                  in: query
                  explode: false
                  schema:
                    type: array
                    items:
                      type: integer
                      format: int64
                - name: ratio
                  in: query
                  schema:
                    type: number
                    format: double
                - name: since
                  in: query
                  schema:
                    type: string
                    format: date-time
                - name: X-Request-Tag
                  in: header
                  schema:
                    type: string
              responses:
                '200':
                  description: The result.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Result'
          /forms:
            post:
              operationId: submitForm
              requestBody:
                required: true
                content:
                  application/x-www-form-urlencoded:
                    schema:
                      type: object
                      properties:
                        name:
                          type: string
                        count:
                          type: integer
                          format: int32
              responses:
                '204':
                  description: Accepted.
        components:
          schemas:
            Result:
              allOf:
                - $ref: '#/components/schemas/Base'
                - type: object
                  required: [count]
                  properties:
                    count:
                      type: [integer, "null"]
                      format: int32
                    shape:
                      $ref: '#/components/schemas/Shape'
                    scores:
                      type: object
                      additionalProperties:
                        type: integer
                        format: int32
                    link:
                      type: string
                      format: uri
                    size:
                      type: integer
                      format: int64
                    label:
                      $ref: '#/components/schemas/Label'
                    extras:
                      type: object
                      additionalProperties: true
            Base:
              type: object
              required: [id]
              properties:
                id:
                  type: string
                  format: uuid
                note:
                  type: [string, "null"]
            Shape:
              oneOf:
                - $ref: '#/components/schemas/Circle'
                - $ref: '#/components/schemas/Square'
            Label:
              anyOf:
                - type: string
                - type: integer
                  format: int64
            Circle:
              type: object
              required: [radius]
              properties:
                radius:
                  type: number
            Square:
              type: object
              required: [side]
              properties:
                side:
                  type: integer
                  format: int32
        """;

    private const string ResultJson = """
        {"id": "3f2504e0-4f89-11d3-9a0c-0305e82c3301", "count": null, "shape": {"side": 3},
         "scores": {"a": 1, "b": 2}, "link": "https://example.invalid/a?b=c", "size": 9007199254740993,
         "label": 12, "extras": {"deep": {"x": [1, null]}}, "extra": [true]}
        """;

    /// <summary>Calls the generated client; each returned line is one observed fact.</summary>
    private const string Probe = """
        namespace Consumer;

        /// <summary>Runs the generated Features client against a server.</summary>
        public static class FeatureProbe
        {
            /// <summary>Sends one search and one form, and reports what came back.</summary>
            public static string[] Run(string baseAddress)
            {
                using var http = new global::System.Net.Http.HttpClient { BaseAddress = new global::System.Uri(baseAddress) };
                var client = new global::Features.Api.FeaturesClient(http);
                var result = client.SearchAsync(
                    tag: ["a b", "c"],
                    ids: [1, 2],
                    ratio: 1.5,
                    since: new global::System.DateTimeOffset(2024, 1, 2, 3, 4, 5, global::System.TimeSpan.Zero),
                    xRequestTag: "t1").GetAwaiter().GetResult();
                client.SubmitFormAsync(new global::Features.Api.SubmitFormRequest { Name = "x y&z", Count = 3 })
                    .GetAwaiter().GetResult();

                var isCircle = result.Shape!.TryGetCircle(out _);
                var isSquare = result.Shape.TryGetSquare(out var square);
                return
                [
                    "id=" + result.Id,
                    "note=" + (result.Note ?? "(null)"),
                    "count=" + (result.Count?.ToString() ?? "(null)"),
                    "circle=" + isCircle,
                    "square=" + isSquare + ":" + square?.Side,
                    "scores=" + string.Join(",", global::System.Linq.Enumerable.Select(result.Scores!, pair => pair.Key + "=" + pair.Value)),
                    "json=" + result.ToJson(),
                    "link=" + result.Link!.AbsoluteUri,
                    "size=" + result.Size,
                    "label=" + result.Label!.TryGetString(out _) + ":" + (result.Label.TryGetInt64(out var number) ? number : -1),
                    "labelFromString=" + global::Features.Api.Label.FromString("x").Json.GetRawText(),
                    "extras=" + result.Extras!["deep"].GetRawText(),
                ];
            }
        }
        """;

    private LoopbackApiServer _server = null!;

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        _server = await LoopbackApiServer.StartAsync(request => request.Path == "/v1/search"
            ? new CannedResponse(200, ResultJson)
            : new CannedResponse(204, ""));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public void QueryArraysFollowExplode()
    {
        RunProbe();

        var search = _server.TakeAll()[0];
        Assert.Equal(["a b", "c"], search.Query["tag"]);
        Assert.Equal(["1,2"], search.Query["ids"]);
    }

    [Fact]
    public void QueryValuesIgnoreCurrentCulture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            // German writes 1.5 as "1,5"; the query must not.
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            RunProbe();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var search = _server.TakeAll()[0];
        Assert.Equal(["1.5"], search.Query["ratio"]);
        var since = DateTimeOffset.Parse(search.Query["since"].Single(), CultureInfo.InvariantCulture);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), since);
    }

    [Fact]
    public void HeaderParameterIsSent()
    {
        RunProbe();

        Assert.Equal("t1", _server.TakeAll()[0].Headers["X-Request-Tag"]);
    }

    [Fact]
    public void FormBodyIsUrlEncoded()
    {
        RunProbe();

        var form = _server.TakeAll()[1];
        Assert.Equal("POST", form.Method);
        Assert.StartsWith("application/x-www-form-urlencoded", form.ContentType, StringComparison.Ordinal);
        var fields = form.Body.Split('&').Select(field => field.Split('='))
            .ToDictionary(pair => Uri.UnescapeDataString(pair[0]), pair => Uri.UnescapeDataString(
                pair[1].Replace('+', ' ')));
        Assert.Equal("x y&z", fields["name"]);
        Assert.Equal("3", fields["count"]);
    }

    [Fact]
    public void AllOfAndNullTypesRead()
    {
        var facts = RunProbe();

        Assert.Equal("id=3f2504e0-4f89-11d3-9a0c-0305e82c3301", facts[0]);
        Assert.Equal("note=(null)", facts[1]);
        Assert.Equal("count=(null)", facts[2]);
        Assert.Equal("scores=a=1,b=2", facts[5]);
    }

    [Fact]
    public void OneOfPicksMatchingBranch()
    {
        var facts = RunProbe();

        Assert.Equal("circle=False", facts[3]);
        Assert.Equal("square=True:3", facts[4]);
    }

    [Fact]
    public void UriAndInt64FormatsRead()
    {
        var facts = RunProbe();

        Assert.Equal("link=https://example.invalid/a?b=c", facts[7]);
        Assert.Equal("size=9007199254740993", facts[8]);
    }

    [Fact]
    public void AnyOfKeepsJsonWithTypedAccessors()
    {
        var facts = RunProbe();

        Assert.Equal("label=False:12", facts[9]);
        Assert.Equal("labelFromString=\"x\"", facts[10]);
    }

    [Fact]
    public void OpenMapKeepsRawJson()
    {
        var facts = RunProbe();

        Assert.Equal("""extras={"x": [1, null]}""", facts[11]);
    }

    [Fact]
    public void ResultWritesBackLosslessly()
    {
        var facts = RunProbe();

        // The required but nullable count is written as null; the unknown "extra" field comes back too.
        JsonAssert.Equivalent(ResultJson, facts[6]["json=".Length..]);
    }

    [Fact]
    public void SameTypeBranchesShareAccessors()
    {
        // Two string branches that differ only in a pattern map to one C# type, which is not a name collision.
        var result = GeneratorHarness.Run(InlineSpecs.File("""
            openapi: 3.0.3
            info:
              title: Branches
              version: 1.0.0
            paths: {}
            components:
              schemas:
                Code:
                  oneOf:
                    - {type: string, pattern: '^[a-z]+$'}
                    - {type: string, format: email}
                    - {type: integer}
            """));

        result.AssertCompilesCleanly();
        Assert.Empty(result.GeneratorDiagnostics);
        var union = result.OutputCompilation.GetTypeByMetadataName("Inline.Api.Code");
        Assert.NotNull(union);
        Assert.Single(union.GetMembers("TryGetString"));
        Assert.Single(union.GetMembers("TryGetInt64"));
    }

    [Fact]
    public void ColonInFirstSegmentStaysRelative()
    {
        // "users:batchGet" alone would parse as an absolute URI with scheme "users", and Uri would throw.
        const string spec = """
            openapi: 3.0.3
            info:
              title: Custom methods
              version: 1.0.0
            paths:
              /users:batchGet:
                post:
                  operationId: batchGetUsers
                  responses:
                    '204': {description: Done.}
              /{name}:cancel:
                post:
                  operationId: cancel
                  parameters:
                    - {name: name, in: path, required: true, schema: {type: string}}
                  responses:
                    '204': {description: Done.}
            """;
        const string probe = """
            namespace Consumer;

            /// <summary>Calls the custom-method operations.</summary>
            public static class ColonProbe
            {
                /// <summary>Sends both requests.</summary>
                public static string Run(string baseAddress)
                {
                    using var http = new global::System.Net.Http.HttpClient { BaseAddress = new global::System.Uri(baseAddress) };
                    var client = new global::Inline.Api.InlineClient(http);
                    client.BatchGetUsersAsync().GetAwaiter().GetResult();
                    client.CancelAsync("job:7").GetAwaiter().GetResult();
                    return "sent";
                }
            }
            """;

        var result = GeneratorHarness.Run([InlineSpecs.File(spec)], TestCompilation.Create(extraSources: [probe]));
        result.AssertCompilesCleanly();
        InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.ColonProbe", "Run", _server.BaseAddress.ToString());

        var requests = _server.TakeAll();
        Assert.Equal(2, requests.Count);
        Assert.Equal("/v1/users:batchGet", requests[0].RawPath);
        Assert.Equal("/v1/job%3A7:cancel", requests[1].RawPath);
    }

    private string[] RunProbe()
    {
        var result = GeneratorHarness.Run(
            [InlineSpecs.File(Spec, "Features.Api.FeaturesClient")], TestCompilation.Create(extraSources: [Probe]));
        result.AssertCompilesCleanly();
        return (string[])InMemoryAssembly.Invoke(result.OutputCompilation, "Consumer.FeatureProbe", "Run",
            _server.BaseAddress.ToString())!;
    }
}
