namespace Pagecall.OpenApi.Generator.Model;

internal enum ValueKind
{
    String,
    Boolean,
    Int32,
    Int64,
    Double,
    DateTimeOffset,
    Guid,
    Uri,

    /// <summary>Any JSON value, kept as a JsonElement.</summary>
    Any,

    /// <summary>A generated record: an object model or a oneOf/anyOf union.</summary>
    Model,

    /// <summary>A generated open enum struct.</summary>
    Enum,
    Array,
    Map,
}

/// <summary>The C# type of a value. <see cref="Name"/> is the generated type name for models and enums.</summary>
internal sealed record TypeRef(ValueKind Kind, string? Name = null, TypeRef? Item = null)
{
    public static readonly TypeRef String = new(ValueKind.String);
    public static readonly TypeRef Any = new(ValueKind.Any);

    public bool IsValueType => Kind is ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double
        or ValueKind.DateTimeOffset or ValueKind.Guid or ValueKind.Enum or ValueKind.Any;
}

internal enum TypeKind
{
    Object,
    StringEnum,
    IntegerEnum,
    Union,
}

/// <summary>
/// A generated type. Which arrays are filled depends on <see cref="Kind"/>. Sensitive means that the schema itself
/// is marked as a credential, so the ToString of the object or union prints none of its values.
/// </summary>
internal sealed record TypeModel(
    TypeKind Kind,
    string Name,
    string? Description,
    bool Deprecated,
    EquatableArray<PropertyModel> Properties,
    EquatableArray<EnumMemberModel> Members,
    EquatableArray<UnionBranchModel> Branches,
    bool Sensitive = false);

/// <summary>
/// A model property. Sensitive means that ToString prints the value as [redacted], because the schema or the
/// JSON name marks it as a credential.
/// </summary>
internal sealed record PropertyModel(
    string JsonName,
    string Name,
    TypeRef Type,
    bool Required,
    bool Nullable,
    string? Description,
    bool Deprecated,
    bool Sensitive)
{
    /// <summary>Whether the C# property type is nullable: optional properties are, so absence is visible.</summary>
    public bool IsNullableInCSharp => Nullable || !Required;
}

/// <summary>A known enum value: the C# member name and the wire value (a string, or an integer's text).</summary>
internal sealed record EnumMemberModel(string Name, string Value);

internal sealed record UnionBranchModel(string Name, TypeRef Type);
