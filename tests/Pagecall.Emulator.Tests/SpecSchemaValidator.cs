using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Pagecall.Emulator.Tests;

/// <summary>
/// Checks a JSON value against a schema of the OpenAPI 3.0 document: types, <c>nullable</c>, required and
/// undeclared properties, enums and the date-time format. It covers the keywords that specs/pagecall.v1.yaml
/// uses, not all of OpenAPI.
/// </summary>
public sealed partial class SpecSchemaValidator
{
    private readonly YamlMappingNode _root;

    private SpecSchemaValidator(YamlMappingNode root) => _root = root;

    public static SpecSchemaValidator Load()
    {
        var yaml = new YamlStream();
        using (var reader = File.OpenText(Path.Combine(AppContext.BaseDirectory, "pagecall.v1.yaml")))
        {
            yaml.Load(reader);
        }

        return new SpecSchemaValidator((YamlMappingNode)yaml.Documents[0].RootNode);
    }

    public YamlMappingNode Root => _root;

    /// <summary>Returns the 200 response schema of an operation, or null when it declares none.</summary>
    public YamlNode? SuccessSchema(string method, string path)
    {
        var operation = Child(Child(Child(_root, "paths"), path), method);
        var content = Child(Child(Child(operation, "responses"), "200"), "content");
        return content is null ? null : Child(Child(content, "application/json"), "schema");
    }

    /// <summary>
    /// Returns the response object an operation declares for a status, with a <c>$ref</c> to a shared response
    /// resolved, or null when the operation does not list the status.
    /// </summary>
    public YamlMappingNode? Response(string method, string path, string status)
    {
        var response = Child(Child(Child(Child(_root, "paths"), path), method), "responses");
        return Child(response, status) is { } node ? Resolve(node) : null;
    }

    /// <summary>Returns the JSON schema of a response object, or null when it has no JSON content.</summary>
    public static YamlNode? JsonSchema(YamlMappingNode response) =>
        Child(Child(Child(response, "content"), "application/json"), "schema");

    /// <summary>Returns the names of the headers a response object declares.</summary>
    public static IReadOnlyList<string> HeaderNames(YamlMappingNode response) =>
        Child(response, "headers") is YamlMappingNode headers
            ? [.. headers.Children.Keys.OfType<YamlScalarNode>().Select(key => key.Value!)]
            : [];

    public YamlNode NamedSchema(string name) =>
        Child(Child(Child(_root, "components"), "schemas"), name)
        ?? throw new ArgumentException($"The document has no schema '{name}'.", nameof(name));

    /// <summary>Returns one message per violation, each naming the JSON path.</summary>
    public List<string> Validate(JsonNode? value, YamlNode schema)
    {
        var errors = new List<string>();
        Validate(value, schema, "$", errors);
        return errors;
    }

    private void Validate(JsonNode? value, YamlNode schemaNode, string path, List<string> errors)
    {
        var schema = Resolve(schemaNode);
        if (value is null)
        {
            if (Scalar(schema, "nullable") != "true")
            {
                errors.Add($"{path} is null, but the schema is not nullable.");
            }

            return;
        }

        var type = Scalar(schema, "type") ?? (Child(schema, "properties") is null ? null : "object");
        switch (type)
        {
            case "object":
                ValidateObject(value, schema, path, errors);
                break;
            case "array":
                ValidateArray(value, schema, path, errors);
                break;
            case "string":
                ValidateString(value, schema, path, errors);
                break;
            case "integer":
                Expect(value.GetValueKind() == JsonValueKind.Number && value.AsValue().TryGetValue(out long _), "an integer", path, errors);
                break;
            case "boolean":
                Expect(value.GetValueKind() is JsonValueKind.True or JsonValueKind.False, "a boolean", path, errors);
                break;
        }
    }

    private void ValidateObject(JsonNode value, YamlMappingNode schema, string path, List<string> errors)
    {
        if (value is not JsonObject jsonObject)
        {
            errors.Add($"{path} must be an object.");
            return;
        }

        if (Child(schema, "required") is YamlSequenceNode required)
        {
            foreach (var name in required.Children.OfType<YamlScalarNode>().Select(node => node.Value!))
            {
                if (!jsonObject.ContainsKey(name))
                {
                    errors.Add($"{path} lacks the required property '{name}'.");
                }
            }
        }

        var properties = Child(schema, "properties") as YamlMappingNode;
        var additional = Child(schema, "additionalProperties");
        foreach (var (name, propertyValue) in jsonObject)
        {
            if (properties is not null && Child(properties, name) is { } propertySchema)
            {
                Validate(propertyValue, propertySchema, $"{path}.{name}", errors);
            }
            else if (additional is YamlMappingNode additionalSchema)
            {
                Validate(propertyValue, additionalSchema, $"{path}.{name}", errors);
            }
            else if (additional is not YamlScalarNode { Value: "true" })
            {
                errors.Add($"{path} has the property '{name}', which the schema does not declare.");
            }
        }
    }

    private void ValidateArray(JsonNode value, YamlMappingNode schema, string path, List<string> errors)
    {
        if (value is not JsonArray array)
        {
            errors.Add($"{path} must be an array.");
            return;
        }

        var items = Child(schema, "items");
        for (var index = 0; index < array.Count && items is not null; index++)
        {
            Validate(array[index], items, $"{path}[{index}]", errors);
        }
    }

    private static void ValidateString(JsonNode value, YamlMappingNode schema, string path, List<string> errors)
    {
        if (value.GetValueKind() != JsonValueKind.String)
        {
            errors.Add($"{path} must be a string.");
            return;
        }

        var text = value.GetValue<string>();
        if (Child(schema, "enum") is YamlSequenceNode allowed
            && !allowed.Children.OfType<YamlScalarNode>().Any(node => node.Value == text))
        {
            errors.Add($"{path} is '{text}', which the enum does not list.");
        }

        if (Scalar(schema, "format") == "date-time" && !DateTimePattern().IsMatch(text))
        {
            errors.Add($"{path} is '{text}', which is not an ISO-8601 date-time.");
        }
    }

    private YamlMappingNode Resolve(YamlNode node)
    {
        var mapping = (YamlMappingNode)node;
        var reference = Scalar(mapping, "$ref");
        if (reference is null)
        {
            return mapping;
        }

        var target = reference.TrimStart('#', '/').Split('/').Aggregate((YamlNode?)_root, Child)
            ?? throw new InvalidOperationException($"The reference '{reference}' does not resolve.");
        return Resolve(target);
    }

    private static void Expect(bool condition, string expected, string path, List<string> errors)
    {
        if (!condition)
        {
            errors.Add($"{path} must be {expected}.");
        }
    }

    private static YamlNode? Child(YamlNode? node, string key) =>
        node is YamlMappingNode mapping && mapping.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode? node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTimePattern();
}
