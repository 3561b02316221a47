using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

internal sealed partial class SchemaResolver
{
    // A JSON name that contains one of these words, in any letter case, marks a credential.
    private static readonly string[] SensitiveNameParts = { "token", "secret", "password", "api_key", "api-key", "apikey" };

    // Marks already reported, because the walk visits a shared component once for every property that refers to it.
    private readonly HashSet<YamlNode> _reportedMarks = new(ReferenceComparer.Instance);

    /// <summary>
    /// Returns whether a property contains a credential, which generated ToString methods print as [redacted]: its
    /// JSON name contains token, secret, password, api_key, api-key or apikey, or its schema is marked.
    /// </summary>
    private bool IsSensitive(string jsonName, YamlNode schema) =>
        HasSensitiveName(jsonName) || HasSensitiveKeyword(schema, new HashSet<YamlNode>(ReferenceComparer.Instance), 0);

    /// <summary>
    /// Returns whether an object or union schema is marked as a credential as a whole, by its own keywords, the
    /// schemas it refers to or its allOf, oneOf and anyOf parts.
    /// </summary>
    private bool IsSensitiveSchema(YamlNode schema) =>
        HasSensitiveKeyword(schema, new HashSet<YamlNode>(ReferenceComparer.Instance), 0);

    private static bool HasSensitiveName(string jsonName)
    {
        foreach (var part in SensitiveNameParts)
        {
            if (jsonName.IndexOf(part, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // Checks the property schema, the component schemas it refers to and its allOf, oneOf and anyOf parts for
    // format: password, writeOnly: true or x-sensitive: true. References are followed only into
    // #/components/schemas, and without reporting, because Resolve already reports a broken reference.
    // The walk stops at MaxDepth, like Resolve, so a long chain of references cannot overflow the stack.
    private bool HasSensitiveKeyword(YamlNode? node, HashSet<YamlNode> visited, int depth)
    {
        if (node is not YamlMappingNode map || depth >= MaxDepth || !visited.Add(map))
        {
            return false;
        }

        // Both marks are read before deciding, so that a misspelt one is reported even next to a valid one.
        var writeOnly = IsMarked(map, "writeOnly");
        var flagged = IsMarked(map, "x-sensitive");
        if (writeOnly || flagged || map.GetString("format") == "password")
        {
            return true;
        }

        if (map.Get("$ref") is YamlScalarNode { Value: { } reference }
            && reference.StartsWith(ComponentPrefix, System.StringComparison.Ordinal)
            && HasSensitiveKeyword(_componentSchemas.Get(UnescapePointer(reference.Substring(ComponentPrefix.Length))), visited, depth + 1))
        {
            return true;
        }

        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            foreach (var part in map.GetSequence(keyword)?.Children ?? new List<YamlNode>())
            {
                if (HasSensitiveKeyword(part, visited, depth + 1))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // Reads writeOnly or x-sensitive. A value other than a YAML boolean is reported with its position and counts
    // as a mark, because ignoring a misspelt mark would print the credential it was meant to hide.
    private bool IsMarked(YamlMappingNode map, string keyword)
    {
        var node = map.Get(keyword);
        if (node is null)
        {
            return false;
        }

        if (node is YamlScalarNode { Value: "true" or "True" or "TRUE" })
        {
            return true;
        }

        if (node is YamlScalarNode { Value: "false" or "False" or "FALSE" })
        {
            return false;
        }

        if (_reportedMarks.Add(node))
        {
            var text = node is YamlScalarNode { Value: { } value } ? "'" + value + "'" : "not a scalar";
            _diagnostics.Report(
                DiagnosticDescriptors.InvalidDocument,
                node,
                "The keyword '" + keyword + "' must be true or false, but it is " + text);
        }

        return true;
    }
}
