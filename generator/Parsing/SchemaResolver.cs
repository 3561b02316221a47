using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>The C# type of a schema and whether the schema allows null.</summary>
internal readonly record struct ResolvedSchema(TypeRef Type, bool Nullable);

/// <summary>
/// Maps schemas to C# types. Component schemas that are objects, enums or unions become types named after
/// their key, and inline ones become types named after where they appear. Everything else maps to a built-in type.
/// </summary>
internal sealed partial class SchemaResolver
{
    private const string ComponentPrefix = "#/components/schemas/";

    // Resolution recurses once per inline schema level and once per $ref hop, so a chain of a few thousand
    // references would overflow the compiler's stack. Past this depth the schema becomes a JsonElement.
    private const int MaxDepth = 128;

    private readonly YamlMappingNode? _componentSchemas;
    private readonly ReferenceResolver _references;
    private readonly DiagnosticBag _diagnostics;
    private readonly NameRegistry _typeNames;
    private readonly CancellationToken _cancellationToken;
    private readonly Dictionary<string, string> _componentTypeNames = new(System.StringComparer.Ordinal);
    private readonly Dictionary<YamlNode, string> _componentNodeNames = new(ReferenceComparer.Instance);
    private readonly Dictionary<YamlNode, ResolvedSchema> _resolved = new(ReferenceComparer.Instance);
    private readonly HashSet<YamlNode> _resolving = new(ReferenceComparer.Instance);
    private readonly SortedDictionary<string, TypeModel> _types = new(System.StringComparer.Ordinal);
    private int _depth;
    private bool _depthReported;

    public SchemaResolver(
        YamlMappingNode root,
        ReferenceResolver references,
        DiagnosticBag diagnostics,
        NameRegistry typeNames,
        CancellationToken cancellationToken)
    {
        _componentSchemas = root.GetMap("components").GetMap("schemas");
        _references = references;
        _diagnostics = diagnostics;
        _typeNames = typeNames;
        _cancellationToken = cancellationToken;
    }

    public IEnumerable<TypeModel> Types => _types.Values;

    public bool TryGetType(string name, out TypeModel type) => _types.TryGetValue(name, out type!);

    /// <summary>Names every component schema that becomes a type, then builds them all.</summary>
    public void ResolveComponents()
    {
        var collided = new HashSet<YamlNode>(ReferenceComparer.Instance);
        foreach (var entry in _componentSchemas.Entries())
        {
            var key = entry.Key.Value!;
            if (entry.Value is YamlMappingNode map && IsNamedType(Classify(map), component: true))
            {
                var name = Naming.ToPascalCase(key);
                if (_typeNames.TryClaim(name, key, entry.Key))
                {
                    _componentTypeNames[key] = name;
                    _componentNodeNames[map] = name;
                }
                else
                {
                    collided.Add(map);
                }
            }
        }

        foreach (var entry in _componentSchemas.Entries())
        {
            _cancellationToken.ThrowIfCancellationRequested();
            if (!collided.Contains(entry.Value))
            {
                Resolve(entry.Value, Naming.ToPascalCase(entry.Key.Value!));
            }
        }
    }

    /// <summary>Returns the C# type for a schema; <paramref name="context"/> names the type if one is created.</summary>
    public ResolvedSchema Resolve(YamlNode? node, string context)
    {
        if (node is not YamlMappingNode map)
        {
            return new ResolvedSchema(TypeRef.Any, false);
        }

        if (_resolved.TryGetValue(map, out var cached))
        {
            return cached;
        }

        if (!_resolving.Add(map))
        {
            // Only aliases recurse here; named types are referenced by name before they are built.
            return new ResolvedSchema(TypeRef.Any, false);
        }

        if (_depth >= MaxDepth)
        {
            _resolving.Remove(map);
            ReportTooDeep(map, context);
            return new ResolvedSchema(TypeRef.Any, false);
        }

        _depth++;
        var result = ResolveUncached(map, context);
        _depth--;
        _resolving.Remove(map);
        _resolved[map] = result;
        return result;
    }

    private ResolvedSchema ResolveUncached(YamlMappingNode map, string context)
    {
        var nullable = IsNullable(map);
        var shape = Classify(map);
        if (shape == SchemaShape.Reference)
        {
            var target = ResolveReference(map, context);
            return target with { Nullable = target.Nullable || nullable };
        }

        ReportIgnoredKeywords(map, context);
        var componentName = ComponentNameOf(map);
        var name = componentName ?? context;
        if (IsNamedType(shape, componentName is not null))
        {
            if (componentName is null && !_typeNames.TryClaim(name, "the inline schema of " + context, map))
            {
                return new ResolvedSchema(TypeRef.Any, nullable);
            }

            var kind = shape is SchemaShape.StringEnum or SchemaShape.IntegerEnum ? ValueKind.Enum : ValueKind.Model;
            var reference = new TypeRef(kind, name);
            _resolved[map] = new ResolvedSchema(reference, nullable);
            _types[name] = BuildNamedType(map, shape, name);
            return new ResolvedSchema(reference, nullable);
        }

        return new ResolvedSchema(ResolveUnnamed(map, shape, context), nullable);
    }

    private ResolvedSchema ResolveReference(YamlMappingNode map, string context)
    {
        var reference = (YamlScalarNode)map.Get("$ref")!;
        var value = reference.Value ?? "";
        if (value.StartsWith(ComponentPrefix, System.StringComparison.Ordinal)
            && _componentTypeNames.TryGetValue(UnescapePointer(value.Substring(ComponentPrefix.Length)), out var name))
        {
            var kind = Classify((YamlMappingNode)_componentSchemas.Get(UnescapePointer(value.Substring(ComponentPrefix.Length)))!);
            var isEnum = kind is SchemaShape.StringEnum or SchemaShape.IntegerEnum;
            return new ResolvedSchema(new TypeRef(isEnum ? ValueKind.Enum : ValueKind.Model, name), false);
        }

        var target = _references.Resolve(reference);
        if (target is null)
        {
            return new ResolvedSchema(TypeRef.Any, false);
        }

        var targetContext = value.StartsWith(ComponentPrefix, System.StringComparison.Ordinal)
            ? Naming.ToPascalCase(UnescapePointer(value.Substring(ComponentPrefix.Length)))
            : context;
        return Resolve(target, targetContext);
    }

    private TypeRef ResolveUnnamed(YamlMappingNode map, SchemaShape shape, string context)
    {
        switch (shape)
        {
            case SchemaShape.Alias:
                return Resolve(SingleBranch(map), context).Type;
            case SchemaShape.Array:
                return new TypeRef(ValueKind.Array, Item: Resolve(map.Get("items"), context + "Item").Type);
            case SchemaShape.Map:
                var values = map.Get("additionalProperties");
                var valueType = values is YamlMappingNode ? Resolve(values, context + "Value").Type : TypeRef.Any;
                return new TypeRef(ValueKind.Map, Item: valueType);
            case SchemaShape.Primitive:
                return Primitive(map);
            case SchemaShape.MixedTypes:
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    map.Get("type"),
                    "A schema with several types",
                    "'" + context + "' is kept as a JsonElement.");
                return TypeRef.Any;
            default:
                return TypeRef.Any;
        }
    }

    private YamlNode? SingleBranch(YamlMappingNode map)
    {
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            var branches = NonNullBranches(map.GetSequence(keyword));
            if (branches.Count == 1)
            {
                return branches[0];
            }
        }

        return null;
    }

    private void ReportIgnoredKeywords(YamlMappingNode map, string context)
    {
        if (map.Get("not") is { } not)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                not,
                "The 'not' keyword",
                "it is ignored in '" + context + "', so values it excludes are accepted.");
        }

        if (map.Get("discriminator") is { } discriminator)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                discriminator,
                "The 'discriminator' keyword",
                "it is ignored in '" + context + "'; use the TryGet methods of the union to test each branch.");
        }
    }

    // Reported once per document: every component along a long chain would otherwise repeat it.
    private void ReportTooDeep(YamlNode node, string context)
    {
        if (_depthReported)
        {
            return;
        }

        _depthReported = true;
        _diagnostics.Report(
            DiagnosticDescriptors.InvalidDocument,
            node,
            "The schema '" + context + "' nests schemas or chains $ref and allOf more than "
                + FormatIndex(MaxDepth) + " levels deep");
    }

    private string? ComponentNameOf(YamlMappingNode map) =>
        _componentNodeNames.TryGetValue(map, out var name) ? name : null;

    private static string UnescapePointer(string segment) =>
        System.Uri.UnescapeDataString(segment).Replace("~1", "/").Replace("~0", "~");

    private static TypeRef Primitive(YamlMappingNode map)
    {
        var format = map.GetString("format");
        switch (FirstType(map))
        {
            case "integer":
                return format == "int32" ? new TypeRef(ValueKind.Int32) : new TypeRef(ValueKind.Int64);
            case "number":
                return new TypeRef(ValueKind.Double);
            case "boolean":
                return new TypeRef(ValueKind.Boolean);
            default:
                return format switch
                {
                    "date-time" => new TypeRef(ValueKind.DateTimeOffset),
                    "uuid" => new TypeRef(ValueKind.Guid),
                    "uri" => new TypeRef(ValueKind.Uri),
                    _ => TypeRef.String,
                };
        }
    }

    private static bool IsNullable(YamlMappingNode map)
    {
        if (map.GetBool("nullable") || SchemaTypes(map).Contains("null"))
        {
            return true;
        }

        if (map.GetSequence("enum") is { } values)
        {
            foreach (var value in values.Children)
            {
                if (value is YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: "null" or "~" or "" })
                {
                    return true;
                }
            }
        }

        return HasNullBranch(map.GetSequence("oneOf")) || HasNullBranch(map.GetSequence("anyOf"));
    }

    private static bool HasNullBranch(YamlSequenceNode? branches)
    {
        foreach (var branch in branches?.Children ?? new List<YamlNode>())
        {
            if (IsNullSchema(branch))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNullSchema(YamlNode node) =>
        node is YamlMappingNode map && map.GetString("type") == "null";

    private static List<YamlNode> NonNullBranches(YamlSequenceNode? branches)
    {
        var result = new List<YamlNode>();
        foreach (var branch in branches?.Children ?? new List<YamlNode>())
        {
            if (!IsNullSchema(branch))
            {
                result.Add(branch);
            }
        }

        return result;
    }

    private static List<string> SchemaTypes(YamlMappingNode map)
    {
        var result = new List<string>();
        switch (map.Get("type"))
        {
            case YamlScalarNode { Value: { } single }:
                result.Add(single);
                break;
            case YamlSequenceNode many:
                foreach (var item in many.Children)
                {
                    if (item is YamlScalarNode { Value: { } value })
                    {
                        result.Add(value);
                    }
                }

                break;
        }

        return result;
    }

    private static string? FirstType(YamlMappingNode map)
    {
        foreach (var type in SchemaTypes(map))
        {
            if (type != "null")
            {
                return type;
            }
        }

        return null;
    }

    private static string FormatIndex(int index) => index.ToString(CultureInfo.InvariantCulture);
}
