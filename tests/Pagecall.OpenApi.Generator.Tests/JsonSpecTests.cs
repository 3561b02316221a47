using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Feeds the generator a spec written as JSON and checks that it produces the same client as the YAML form of the
/// same document.
/// </summary>
public sealed class JsonSpecTests
{
    private const string JsonPath = "/project/specs/inline.json";

    /// <summary>The document of <see cref="InlineSpecs.TwoSchemas"/>, written as JSON.</summary>
    private const string TwoSchemasJson = """
        {
          "openapi": "3.0.3",
          "info": { "title": "Inline", "version": "1.0.0" },
          "paths": {
            "/widgets": {
              "get": {
                "operationId": "listWidgets",
                "responses": {
                  "200": {
                    "description": "The widgets.",
                    "content": {
                      "application/json": {
                        "schema": { "type": "array", "items": { "$ref": "#/components/schemas/Widget" } }
                      }
                    }
                  }
                }
              }
            },
            "/gadgets/{id}": {
              "get": {
                "operationId": "getGadget",
                "parameters": [
                  { "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }
                ],
                "responses": {
                  "200": {
                    "description": "The gadget.",
                    "content": {
                      "application/json": { "schema": { "$ref": "#/components/schemas/Gadget" } }
                    }
                  }
                }
              }
            }
          },
          "components": {
            "schemas": {
              "Widget": {
                "type": "object",
                "description": "A widget.",
                "required": ["id"],
                "properties": {
                  "id": { "type": "string" },
                  "size": { "type": "integer", "format": "int32" }
                }
              },
              "Gadget": {
                "type": "object",
                "description": "A gadget.",
                "properties": {
                  "name": { "type": "string" },
                  "color": { "$ref": "#/components/schemas/Color" }
                }
              },
              "Color": { "type": "string", "description": "A color.", "enum": ["red", "green"] }
            }
          }
        }
        """;

    [Fact]
    public void JsonSpecGeneratesSameClientAsYaml()
    {
        var fromYaml = GeneratorHarness.Run(InlineSpecs.File(InlineSpecs.TwoSchemas));
        var fromJson = GeneratorHarness.Run(new SpecFile(JsonPath, TwoSchemasJson, InlineSpecs.ClientName));

        fromJson.AssertCompilesCleanly();
        Assert.Empty(fromJson.GeneratorDiagnostics);
        Assert.NotEmpty(fromJson.Sources);
        Assert.Equal(
            fromYaml.Sources.Select(source => source.HintName),
            fromJson.Sources.Select(source => source.HintName));
        foreach (var (yamlSource, jsonSource) in fromYaml.Sources.Zip(fromJson.Sources))
        {
            Assert.Equal(yamlSource.SourceText.ToString(), jsonSource.SourceText.ToString());
        }
    }
}
