using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>Lookups on the YAML tree that tolerate missing keys and nodes of the wrong kind.</summary>
internal static class YamlExtensions
{
    public static YamlNode? Get(this YamlMappingNode? map, string key)
    {
        if (map is null)
        {
            return null;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode scalar && scalar.Value == key)
            {
                return pair.Value;
            }
        }

        return null;
    }

    public static YamlMappingNode? GetMap(this YamlMappingNode? map, string key) => map.Get(key) as YamlMappingNode;

    public static YamlSequenceNode? GetSequence(this YamlMappingNode? map, string key) =>
        map.Get(key) as YamlSequenceNode;

    public static string? GetString(this YamlMappingNode? map, string key) =>
        map.Get(key) is YamlScalarNode scalar ? scalar.Value : null;

    public static bool GetBool(this YamlMappingNode? map, string key) =>
        map.GetString(key) is { } text && (text == "true" || text == "True");

    /// <summary>Returns the entries of a mapping whose keys are scalars, in document order.</summary>
    public static IEnumerable<KeyValuePair<YamlScalarNode, YamlNode>> Entries(this YamlMappingNode? map)
    {
        if (map is null)
        {
            yield break;
        }

        foreach (var pair in map.Children)
        {
            if (pair.Key is YamlScalarNode key && key.Value is not null)
            {
                yield return new KeyValuePair<YamlScalarNode, YamlNode>(key, pair.Value);
            }
        }
    }
}
