using System;
using System.Collections.Generic;
using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>Resolves local JSON Pointer references ("#/components/...") inside the loaded document.</summary>
internal sealed class ReferenceResolver
{
    private const int MaxHops = 64;

    private readonly YamlMappingNode _root;
    private readonly DiagnosticBag _diagnostics;

    public ReferenceResolver(YamlMappingNode root, DiagnosticBag diagnostics)
    {
        _root = root;
        _diagnostics = diagnostics;
    }

    /// <summary>
    /// Follows "$ref" entries from <paramref name="node"/> until a node without one; reports PCG003 and
    /// returns null when a reference cannot be resolved.
    /// </summary>
    public YamlMappingNode? Follow(YamlNode? node)
    {
        var seen = new HashSet<YamlNode>(ReferenceComparer.Instance);
        var current = node as YamlMappingNode;
        for (var hop = 0; current is not null && hop < MaxHops; hop++)
        {
            if (current.Get("$ref") is not YamlScalarNode reference)
            {
                return current;
            }

            if (!seen.Add(current))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnresolvedReference,
                    reference,
                    reference.Value ?? "",
                    "the references form a cycle. Point one of them at a schema instead of another reference.");
                return null;
            }

            current = Resolve(reference) as YamlMappingNode;
        }

        return current;
    }

    /// <summary>Returns the node a "$ref" value points at, or null after reporting PCG003.</summary>
    public YamlNode? Resolve(YamlScalarNode reference)
    {
        var value = reference.Value ?? "";
        if (!value.StartsWith("#/", StringComparison.Ordinal) && value != "#")
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnresolvedReference,
                reference,
                value,
                "only local references (starting with '#/') are supported. Copy the target into this document.");
            return null;
        }

        YamlNode? current = _root;
        foreach (var rawSegment in value.Length > 2 ? value.Substring(2).Split('/') : Array.Empty<string>())
        {
            var segment = Uri.UnescapeDataString(rawSegment).Replace("~1", "/").Replace("~0", "~");
            current = current switch
            {
                YamlMappingNode map => map.Get(segment),
                YamlSequenceNode sequence when int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index)
                    && index >= 0 && index < sequence.Children.Count => sequence.Children[index],
                _ => null,
            };

            if (current is null)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnresolvedReference,
                    reference,
                    value,
                    "'" + segment + "' does not exist in the document. Point the reference at an existing component, "
                    + "or add the missing one.");
                return null;
            }
        }

        return current;
    }
}
