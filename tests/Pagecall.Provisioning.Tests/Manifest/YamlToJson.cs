using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>
/// Converts a YAML document to JSON for schema validation, resolving types by the YAML 1.2 core schema. Quoted
/// scalars stay strings, and unquoted true/false, null, integers and decimal numbers become JSON values. A
/// repeated key keeps its last value, as System.Text.Json's JsonObject indexer does.
/// </summary>
internal static partial class YamlToJson
{
    public static JsonNode? Convert(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var anchors = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        return ReadNode(parser, anchors);
    }

    private static JsonNode? ReadNode(IParser parser, Dictionary<string, JsonNode?> anchors)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            return anchors[alias.Value.Value]?.DeepClone();
        }

        if (parser.TryConsume<Scalar>(out var scalar))
        {
            return Remember(anchors, scalar.Anchor, ConvertScalar(scalar));
        }

        if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            var array = new JsonArray();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                array.Add(ReadNode(parser, anchors));
            }

            return Remember(anchors, sequenceStart.Anchor, array);
        }

        var mappingStart = parser.Consume<MappingStart>();
        var obj = new JsonObject();
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = ReadNode(parser, anchors);
            obj[key?.ToString() ?? ""] = ReadNode(parser, anchors);
        }

        return Remember(anchors, mappingStart.Anchor, obj);
    }

    private static JsonNode? Remember(Dictionary<string, JsonNode?> anchors, AnchorName anchor, JsonNode? node)
    {
        if (!anchor.IsEmpty)
        {
            anchors[anchor.Value] = node;
        }

        return node;
    }

    private static JsonNode? ConvertScalar(Scalar scalar)
    {
        if (scalar.Style is not (ScalarStyle.Plain or ScalarStyle.Any))
        {
            return JsonValue.Create(scalar.Value);
        }

        return scalar.Value switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            var text when IntegerPattern().IsMatch(text)
                          && long.TryParse(text, CultureInfo.InvariantCulture, out var integer) =>
                JsonValue.Create(integer),
            var text when NumberPattern().IsMatch(text) =>
                JsonValue.Create(double.Parse(text, CultureInfo.InvariantCulture)),
            var text => JsonValue.Create(text),
        };
    }

    [GeneratedRegex("^[-+]?[0-9]+$")]
    private static partial Regex IntegerPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex NumberPattern();
}
