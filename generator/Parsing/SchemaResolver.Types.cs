using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

internal enum SchemaShape
{
    Reference,
    Object,
    EmptyObject,
    Map,
    StringEnum,
    IntegerEnum,
    Union,

    /// <summary>An allOf, oneOf or anyOf with a single branch: the schema is that branch.</summary>
    Alias,
    Array,
    Primitive,
    MixedTypes,
    Any,
}

internal sealed partial class SchemaResolver
{
    // Members that generated types declare themselves. A property or enum value with one of these names, or with
    // the name of its enclosing type, gets the suffix "Value".
    // Models and unions are sealed records, so they also declare PrintMembers and EqualityContract.
    private static readonly string[] ModelMembers =
    {
        "AdditionalData", "Read", "Write", "FromJson", "ToJson", "PrintMembers", "EqualityContract",
    };

    // C# rejects a record member named Clone (CS8859), although a record type may be named Clone.
    private static readonly string[] ModelPropertyReserved =
    {
        "AdditionalData", "Read", "Write", "FromJson", "ToJson", "PrintMembers", "EqualityContract", "Clone",
    };
    private static readonly string[] EnumMembers = { "Value", "IsKnown", "Read", "Write" };
    private static readonly string[] UnionMembers = { "Json", "Read", "Write", "PrintMembers", "EqualityContract" };

    // Object members that the enum struct overrides, so it declares them itself.
    private static readonly string[] ObjectOverrides = { "Equals", "GetHashCode", "ToString" };
    private static readonly string[] ObjectMembers =
    {
        "Equals", "GetHashCode", "GetType", "ToString", "MemberwiseClone", "Finalize", "ReferenceEquals",
    };

    private static SchemaShape Classify(YamlMappingNode map)
    {
        if (map.Get("$ref") is YamlScalarNode)
        {
            return SchemaShape.Reference;
        }

        var type = FirstType(map);
        var types = SchemaTypes(map);
        types.Remove("null");
        if (map.GetSequence("enum") is { } values && (type is null or "string" or "integer"))
        {
            return type == "integer" || (type is null && AreIntegers(values)) ? SchemaShape.IntegerEnum : SchemaShape.StringEnum;
        }

        var oneOf = NonNullBranches(map.GetSequence("oneOf")).Count;
        var anyOf = NonNullBranches(map.GetSequence("anyOf")).Count;
        if (oneOf > 1 || anyOf > 1)
        {
            return SchemaShape.Union;
        }

        var hasProperties = map.GetMap("properties") is { Children.Count: > 0 };
        var allOf = map.GetSequence("allOf")?.Children.Count ?? 0;
        if (allOf > 1 || (allOf == 1 && hasProperties))
        {
            return SchemaShape.Object;
        }

        if (allOf == 1 || oneOf == 1 || anyOf == 1)
        {
            return SchemaShape.Alias;
        }

        if (types.Count > 1)
        {
            return SchemaShape.MixedTypes;
        }

        if (type == "object" || hasProperties || map.Get("additionalProperties") is not null)
        {
            if (hasProperties)
            {
                return SchemaShape.Object;
            }

            var additional = map.Get("additionalProperties");
            var closed = additional is null || additional is YamlScalarNode { Value: "false" };
            return closed ? SchemaShape.EmptyObject : SchemaShape.Map;
        }

        if (type == "array" || map.Get("items") is not null)
        {
            return SchemaShape.Array;
        }

        return type is "string" or "integer" or "number" or "boolean" ? SchemaShape.Primitive : SchemaShape.Any;
    }

    // An enum without a type whose values are all unquoted integers, such as [1, 2, 3], is sent as JSON numbers,
    // so reading it as a string enum would fail on every payload.
    private static bool AreIntegers(YamlSequenceNode values)
    {
        var any = false;
        foreach (var item in values.Children)
        {
            if (item is YamlScalarNode scalar && IsNullLiteral(scalar))
            {
                continue;
            }

            if (item is not YamlScalarNode { Style: YamlDotNet.Core.ScalarStyle.Plain, Value: { } text }
                || !long.TryParse(text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                return false;
            }

            any = true;
        }

        return any;
    }

    // An empty object in components is a class that keeps every field in AdditionalData; inline it is a JsonElement.
    private static bool IsNamedType(SchemaShape shape, bool component) =>
        shape is SchemaShape.Object or SchemaShape.StringEnum or SchemaShape.IntegerEnum or SchemaShape.Union
        || (shape == SchemaShape.EmptyObject && component);

    private TypeModel BuildNamedType(YamlMappingNode map, SchemaShape shape, string name)
    {
        var description = map.GetString("description") ?? map.GetString("title");
        var deprecated = map.GetBool("deprecated");
        var properties = EquatableArray<PropertyModel>.Empty;
        var members = EquatableArray<EnumMemberModel>.Empty;
        var branches = EquatableArray<UnionBranchModel>.Empty;
        var kind = TypeKind.Object;
        switch (shape)
        {
            case SchemaShape.StringEnum:
            case SchemaShape.IntegerEnum:
                kind = shape == SchemaShape.StringEnum ? TypeKind.StringEnum : TypeKind.IntegerEnum;
                CheckOwnName(map, name, EnumMembers, ObjectOverrides);
                members = BuildEnumMembers(map, name, kind).ToEquatableArray();
                break;
            case SchemaShape.Union:
                kind = TypeKind.Union;
                CheckOwnName(map, name, UnionMembers, System.Array.Empty<string>());
                branches = BuildBranches(map, name).ToEquatableArray();
                break;
            default:
                CheckOwnName(map, name, ModelMembers, System.Array.Empty<string>());
                properties = BuildProperties(map, name).ToEquatableArray();
                break;
        }

        var sensitive = kind is TypeKind.Object or TypeKind.Union && IsSensitiveSchema(map);
        return new TypeModel(kind, name, description, deprecated, properties, members, branches, sensitive);
    }

    // A type may not declare a member with its own name (CS0542), as a schema named Value, Read or ToJson would.
    private void CheckOwnName(YamlMappingNode map, string name, string[] generatedMembers, string[] overrides)
    {
        var members = new List<string>(generatedMembers);
        members.AddRange(overrides);
        foreach (var member in members)
        {
            if (member == name)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.NameCollision, map, "members of '" + name + "'", "the type name " + name,
                    "generated member " + member, name);
            }
        }
    }

    private List<PropertyModel> BuildProperties(YamlMappingNode map, string typeName)
    {
        var collected = new List<KeyValuePair<YamlScalarNode, YamlNode>>();
        var required = new HashSet<string>(System.StringComparer.Ordinal);
        CollectProperties(map, collected, required, new HashSet<YamlNode>(ReferenceComparer.Instance), typeName, 0);

        var names = MemberRegistry("properties of '" + typeName + "'", ModelPropertyReserved);
        var result = new List<PropertyModel>();
        foreach (var entry in collected)
        {
            _cancellationToken.ThrowIfCancellationRequested();
            var jsonName = entry.Key.Value!;
            var name = MemberName(jsonName, typeName, ModelPropertyReserved);
            if (!names.TryClaim(name, jsonName, entry.Key))
            {
                continue;
            }

            var schema = Resolve(entry.Value, typeName + name);
            var property = entry.Value as YamlMappingNode;
            result.Add(new PropertyModel(
                jsonName,
                name,
                schema.Type,
                required.Contains(jsonName),
                schema.Nullable,
                property.GetString("description") ?? property.GetString("title"),
                property.GetBool("deprecated"),
                IsSensitive(jsonName, entry.Value)));
        }

        return result;
    }

    // Gathers properties from allOf parts first, then from the schema itself; a later definition of the same
    // property replaces the earlier one.
    private void CollectProperties(
        YamlMappingNode map,
        List<KeyValuePair<YamlScalarNode, YamlNode>> collected,
        HashSet<string> required,
        HashSet<YamlNode> visited,
        string typeName,
        int depth)
    {
        if (!visited.Add(map))
        {
            return;
        }

        if (depth >= MaxDepth)
        {
            ReportTooDeep(map, typeName);
            return;
        }

        foreach (var part in map.GetSequence("allOf")?.Children ?? new List<YamlNode>())
        {
            if (_references.Follow(part) is { } resolved)
            {
                CollectProperties(resolved, collected, required, visited, typeName, depth + 1);
            }
        }

        foreach (var entry in map.GetMap("properties").Entries())
        {
            collected.RemoveAll(existing => existing.Key.Value == entry.Key.Value);
            collected.Add(entry);
        }

        foreach (var item in map.GetSequence("required")?.Children ?? new List<YamlNode>())
        {
            if (item is YamlScalarNode { Value: { } value })
            {
                required.Add(value);
            }
        }
    }

    private List<EnumMemberModel> BuildEnumMembers(YamlMappingNode map, string typeName, TypeKind kind)
    {
        var names = MemberRegistry("values of '" + typeName + "'", EnumMembers);
        var seen = new HashSet<string>(System.StringComparer.Ordinal);
        var result = new List<EnumMemberModel>();
        foreach (var item in map.GetSequence("enum")!.Children)
        {
            if (item is not YamlScalarNode { Value: { } value } scalar || IsNullLiteral(scalar) || !seen.Add(value))
            {
                continue;
            }

            if (kind == TypeKind.IntegerEnum && !long.TryParse(
                value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    item,
                    "The non-integer value '" + value + "' in an integer enum",
                    "the value is left out of the known values of '" + typeName + "'.");
                continue;
            }

            var name = MemberName(value, typeName, EnumMembers);
            if (names.TryClaim(name, value, item))
            {
                result.Add(new EnumMemberModel(name, value));
            }
        }

        return result;
    }

    private List<UnionBranchModel> BuildBranches(YamlMappingNode map, string typeName)
    {
        var keyword = NonNullBranches(map.GetSequence("oneOf")).Count > 1 ? "oneOf" : "anyOf";
        // Branch names only follow TryGet, As and From, so a branch named Json cannot clash with the Json property.
        // A union named AsFoo would declare the accessor AsFoo for a branch Foo, though, which is CS0542.
        var names = MemberRegistry("branches of '" + typeName + "'", System.Array.Empty<string>());
        foreach (var prefix in new[] { "TryGet", "As", "From" })
        {
            if (typeName.Length > prefix.Length && typeName.StartsWith(prefix, System.StringComparison.Ordinal))
            {
                names.Reserve(typeName.Substring(prefix.Length), "the accessor " + typeName + ", named like the union");
            }
        }

        var result = new List<UnionBranchModel>();
        var index = 0;
        foreach (var branch in NonNullBranches(map.GetSequence(keyword)))
        {
            index++;
            var type = Resolve(branch, typeName + "Option" + FormatIndex(index)).Type;
            var name = BranchName(type);

            // Branches that differ only in keywords the generator ignores, such as two string patterns, share one
            // C# type, so the accessors of the first serve both.
            if (result.Exists(existing => existing.Type == type))
            {
                continue;
            }

            if (names.TryClaim(name, name, branch))
            {
                result.Add(new UnionBranchModel(name, type));
            }
        }

        return result;
    }

    private static string BranchName(TypeRef type) => type.Kind switch
    {
        ValueKind.Model or ValueKind.Enum => type.Name!,
        ValueKind.Array => BranchName(type.Item!) + "List",
        ValueKind.Map => BranchName(type.Item!) + "Map",
        ValueKind.Any => "JsonElement",
        _ => type.Kind.ToString(),
    };

    private NameRegistry MemberRegistry(string scope, string[] generatedMembers)
    {
        var registry = new NameRegistry(scope, _diagnostics);
        foreach (var member in generatedMembers)
        {
            registry.Reserve(member, "generated member " + member);
        }

        return registry;
    }

    private static string MemberName(string specName, string typeName, string[] generatedMembers)
    {
        var name = Naming.ToPascalCase(specName);
        var clashes = name == typeName
            || System.Array.IndexOf(generatedMembers, name) >= 0
            || System.Array.IndexOf(ObjectMembers, name) >= 0;
        return clashes ? name + "Value" : name;
    }

    private static bool IsNullLiteral(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && scalar.Value is "null" or "~" or "";
}
