using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Pagecall.Emulator.Tests;

/// <summary>Checks that the emulator serves every operation of specs/pagecall.v1.yaml.</summary>
public sealed class SpecCoverageTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch"];
    private static readonly SpecSchemaValidator s_validator = SpecSchemaValidator.Load();

    public static TheoryData<string, string> Operations()
    {
        var data = new TheoryData<string, string>();
        foreach (var (method, path) in ReadOperations())
        {
            data.Add(method, path);
        }

        return data;
    }

    [Fact]
    public void SpecListsOperations() => Assert.True(ReadOperations().Count >= 16);

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task OperationIsServed(string method, string pathTemplate)
    {
        var client = fixture.Client;
        var user = await client.CreateUserAsync();
        var room = await client.CreateRoomAsync("private", null, user["user_id"].Text());
        var member = await client.GetApiAsync($"rooms/{room["id"].Text()}/members/{user["user_id"].Text()}");
        var path = pathTemplate.TrimStart('/')
            .Replace("{user_id}", user["user_id"].Text(), StringComparison.Ordinal)
            .Replace("{room_id}", room["id"].Text(), StringComparison.Ordinal)
            .Replace("{id}", room["id"].Text(), StringComparison.Ordinal)
            .Replace("{member_id}", member.Json["member"]!["id"].Text(), StringComparison.Ordinal);

        var body = PlausibleBody(method, pathTemplate, user["user_id"].Text());

        var response = await client.SendApiAsync(new HttpMethod(method.ToUpperInvariant()), path, body);

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.False(
            response.Status == HttpStatusCode.NotFound && response.ErrorCode != "not_found",
            $"{method.ToUpperInvariant()} {path} is not routed: {response.Body?.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
        var schema = s_validator.SuccessSchema(method, pathTemplate);
        Assert.NotNull(schema);
        Assert.Empty(s_validator.Validate(response.Body, schema));
    }

    [Theory]
    [InlineData("users?limit=0")]
    [InlineData("no-such-route")]
    [InlineData("rooms/0123456789abcdef01234567")]
    public async Task ErrorBodyMatchesSchema(string path)
    {
        var response = await fixture.Client.GetApiAsync(path);

        Assert.Empty(s_validator.Validate(response.Body, s_validator.NamedSchema("Error")));
    }

    [Fact]
    public void ValidatorReportsEachViolation()
    {
        var body = JsonNode.Parse("""
            {"user": {"id": 5, "name": null, "default_member_type": "owner", "created_at": "yesterday", "extra": 1}}
            """);

        var errors = s_validator.Validate(body, s_validator.NamedSchema("UserResponse"));

        Assert.Contains("$.user lacks the required property 'user_id'.", errors);
        Assert.Contains("$.user.id must be a string.", errors);
        Assert.Contains("$.user.default_member_type is 'owner', which the enum does not list.", errors);
        Assert.Contains("$.user.created_at is 'yesterday', which is not an ISO-8601 date-time.", errors);
        Assert.Contains("$.user has the property 'extra', which the schema does not declare.", errors);
        Assert.Equal(5, errors.Count);
    }

    [Fact]
    public async Task UnauthorizedBodyMatchesSchema()
    {
        var response = await fixture.Emulator.CreateClient(apiKey: null).GetApiAsync("users");

        Assert.Empty(s_validator.Validate(response.Body, s_validator.NamedSchema("Error")));
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public void OperationDeclaresRetryStatuses(string method, string pathTemplate)
    {
        foreach (var status in new[] { "429", "503" })
        {
            var response = s_validator.Response(method, pathTemplate, status);

            Assert.True(response is not null, $"{method.ToUpperInvariant()} {pathTemplate} does not list {status}.");
            Assert.Contains("Retry-After", SpecSchemaValidator.HeaderNames(response));
            var schema = Assert.IsType<YamlMappingNode>(SpecSchemaValidator.JsonSchema(response));
            var reference = Assert.IsType<YamlScalarNode>(schema.Children[new YamlScalarNode("$ref")]);
            Assert.Equal("#/components/schemas/Error", reference.Value);
        }
    }

    [Fact]
    public async Task RateLimitBodyMatchesDeclaredSchema()
    {
        // The first request takes the bucket's one token. At 0.01 a second the next token comes 100 seconds later, so
        // the second request gets 429 even after a slow cold first request.
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { RateLimitPerSecond = 0.01 });
        await emulator.Client.GetApiAsync("users");

        var response = await emulator.Client.GetApiAsync("users");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.Status);
        Assert.NotNull(response.Message.Headers.RetryAfter?.Delta);
        var declared = s_validator.Response("get", "/users", "429");
        Assert.NotNull(declared);
        Assert.Empty(s_validator.Validate(response.Body, SpecSchemaValidator.JsonSchema(declared)!));
    }

    [Fact]
    public async Task ServerErrorBodiesMatchDeclaredSchema()
    {
        await using var emulator = await TestEmulator.StartAsync(new FaultOptions { Seed = 3, ErrorRate = 1 });

        var statuses = new HashSet<HttpStatusCode>();
        for (var attempt = 0; attempt < 40 && statuses.Count < 2; attempt++)
        {
            var response = await emulator.Client.GetApiAsync("users");
            var declared = s_validator.Response("get", "/users", ((int)response.Status).ToString(CultureInfo.InvariantCulture));

            Assert.NotNull(declared);
            Assert.Empty(s_validator.Validate(response.Body, SpecSchemaValidator.JsonSchema(declared)!));
            statuses.Add(response.Status);
        }

        Assert.Equal([HttpStatusCode.InternalServerError, HttpStatusCode.ServiceUnavailable], statuses.Order());
    }

    private static string? PlausibleBody(string method, string pathTemplate, string userId)
    {
        if (method is not ("post" or "put"))
        {
            return null;
        }

        return (method, pathTemplate) switch
        {
            ("post", "/users") => new JsonObject { ["user_id"] = ApiCalls.NewUserId(), ["name"] = "Spec" }.ToJsonString(),
            ("put", "/users/{user_id}") => """{"name":"Renamed"}""",
            ("post", "/rooms") => """{"name":"Spec room","type":"open"}""",
            ("put", "/rooms/{id}") => """{"name":"Renamed"}""",
            ("post", "/rooms/{room_id}/members") => new JsonObject { ["user_id"] = userId, ["type"] = "host" }.ToJsonString(),
            ("put", "/rooms/{room_id}/members/{member_id}") => """{"type":"host"}""",
            _ => "{}",
        };
    }

    internal static List<(string Method, string Path)> ReadOperations()
    {
        var paths = (YamlMappingNode)SpecSchemaValidator.Load().Root.Children[new YamlScalarNode("paths")];
        var operations = new List<(string, string)>();
        foreach (var (pathNode, itemNode) in paths.Children)
        {
            var item = (YamlMappingNode)itemNode;
            foreach (var key in item.Children.Keys.OfType<YamlScalarNode>())
            {
                if (s_methods.Contains(key.Value))
                {
                    operations.Add((key.Value!, ((YamlScalarNode)pathNode).Value!));
                }
            }
        }

        return operations;
    }
}
