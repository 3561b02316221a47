using System.Net;
using System.Text.Json.Nodes;
using YamlDotNet.RepresentationModel;

namespace Pagecall.Emulator.Tests;

/// <summary>Checks that the emulator serves every operation of specs/pagecall.v1.yaml.</summary>
public sealed class SpecCoverageTests(EmulatorFixture fixture) : IClassFixture<EmulatorFixture>
{
    private static readonly string[] s_methods = ["get", "put", "post", "delete", "patch"];

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

        var response = await client.SendApiAsync(new HttpMethod(method.ToUpperInvariant()), path, PlausibleBody(method, pathTemplate, user["user_id"].Text()));

        Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.Status);
        Assert.False(
            response.Status == HttpStatusCode.NotFound && response.ErrorCode != "not_found",
            $"{method.ToUpperInvariant()} {path} is not routed: {response.Body?.ToJsonString()}");
        Assert.Equal(HttpStatusCode.OK, response.Status);
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

    private static List<(string Method, string Path)> ReadOperations()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "pagecall.v1.yaml")))
        {
            yaml.Load(reader);
        }

        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var paths = (YamlMappingNode)root.Children[new YamlScalarNode("paths")];
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
