using System.Globalization;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Spells a <see cref="TypeRef"/> as C#: its type name, an expression that reads it from a Utf8JsonReader,
/// a statement that writes it to a Utf8JsonWriter, and its text form for URLs and headers.
/// </summary>
internal sealed class TypeSyntax
{
    public const string Reader = "global::System.Text.Json.Utf8JsonReader";
    public const string Writer = "global::System.Text.Json.Utf8JsonWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";

    private readonly ClientInfo _client;

    public TypeSyntax(ClientInfo client)
    {
        _client = client;
        Json = client.Qualify(client.JsonName);
    }

    /// <summary>The global-qualified name of the generated JSON helper class.</summary>
    public string Json { get; }

    public string Name(TypeRef type) => type.Kind switch
    {
        ValueKind.String => "string",
        ValueKind.Boolean => "bool",
        ValueKind.Int32 => "int",
        ValueKind.Int64 => "long",
        ValueKind.Double => "double",
        ValueKind.DateTimeOffset => "global::System.DateTimeOffset",
        ValueKind.Guid => "global::System.Guid",
        ValueKind.Uri => "global::System.Uri",
        ValueKind.Any => JsonElement,
        ValueKind.Array => "global::System.Collections.Generic.IList<" + Name(type.Item!) + ">",
        ValueKind.Map => "global::System.Collections.Generic.IDictionary<string, " + Name(type.Item!) + ">",
        _ => _client.Qualify(type.Name!),
    };

    /// <summary>Returns the type name with '?' when <paramref name="nullable"/> is set.</summary>
    public string Name(TypeRef type, bool nullable) => nullable ? Name(type) + "?" : Name(type);

    /// <summary>An expression that reads one value; the reader is positioned on its first token.</summary>
    public string ReadCall(TypeRef type, string reader, int depth = 0) => type.Kind switch
    {
        ValueKind.Any => JsonElement + ".ParseValue(ref " + reader + ")",
        ValueKind.Model or ValueKind.Enum => _client.Qualify(type.Name!) + ".Read(ref " + reader + ")",
        ValueKind.Array => Json + ".ReadList<" + Name(type.Item!) + ">(ref " + reader + ", " + ReadFunction(type.Item!, depth + 1) + ")",
        ValueKind.Map => Json + ".ReadMap<" + Name(type.Item!) + ">(ref " + reader + ", " + ReadFunction(type.Item!, depth + 1) + ")",
        _ => Json + ".Read" + type.Kind + "(ref " + reader + ")",
    };

    /// <summary>A delegate expression of the helper's ReadFunc type that reads one value.</summary>
    public string ReadFunction(TypeRef type, int depth = 0)
    {
        var reader = "__reader" + depth.ToString(CultureInfo.InvariantCulture);
        return "static (ref " + Reader + " " + reader + ") => " + ReadCall(type, reader, depth);
    }

    /// <summary>A statement expression that writes <paramref name="value"/>, which is not null.</summary>
    public string WriteCall(TypeRef type, string writer, string value, int depth = 0) => type.Kind switch
    {
        ValueKind.String or ValueKind.DateTimeOffset or ValueKind.Guid => writer + ".WriteStringValue(" + value + ")",
        ValueKind.Uri => writer + ".WriteStringValue(" + value + ".OriginalString)",
        ValueKind.Boolean => writer + ".WriteBooleanValue(" + value + ")",
        ValueKind.Int32 or ValueKind.Int64 or ValueKind.Double => writer + ".WriteNumberValue(" + value + ")",
        ValueKind.Any => value + ".WriteTo(" + writer + ")",
        ValueKind.Model or ValueKind.Enum => value + ".Write(" + writer + ")",
        ValueKind.Array => Json + ".WriteList<" + Name(type.Item!) + ">(" + writer + ", " + value + ", " + WriteFunction(type.Item!, depth + 1) + ")",
        _ => Json + ".WriteMap<" + Name(type.Item!) + ">(" + writer + ", " + value + ", " + WriteFunction(type.Item!, depth + 1) + ")",
    };

    /// <summary>A delegate expression of type Action&lt;Utf8JsonWriter, T&gt; that writes one value.</summary>
    public string WriteFunction(TypeRef type, int depth = 0)
    {
        var suffix = depth.ToString(CultureInfo.InvariantCulture);
        var writer = "__writer" + suffix;
        var value = "__value" + suffix;
        return "static (" + Writer + " " + writer + ", " + Name(type) + " " + value + ") => "
            + WriteCall(type, writer, value, depth);
    }

    /// <summary>
    /// A bool expression that compares two values of the type: lists item by item, maps by key and value, JSON
    /// values by content, and everything else with its default equality comparer.
    /// </summary>
    public string EqualsCall(TypeRef type, string left, string right, int depth = 0) => type.Kind switch
    {
        ValueKind.Any => Json + ".JsonEquals(" + left + ", " + right + ")",
        ValueKind.Array => Json + ".ListEquals<" + Name(type.Item!) + ">(" + left + ", " + right + ", "
            + EqualsFunction(type.Item!, depth + 1) + ")",
        ValueKind.Map => Json + ".MapEquals<" + Name(type.Item!) + ">(" + left + ", " + right + ", "
            + EqualsFunction(type.Item!, depth + 1) + ")",
        _ => Json + ".ValueEquals(" + left + ", " + right + ")",
    };

    /// <summary>An int expression with the hash code of a value, consistent with <see cref="EqualsCall"/>.</summary>
    public string HashCall(TypeRef type, string value, int depth = 0) => type.Kind switch
    {
        ValueKind.Any => Json + ".JsonHash(" + value + ")",
        ValueKind.Array => Json + ".ListHash<" + Name(type.Item!) + ">(" + value + ", " + HashFunction(type.Item!, depth + 1) + ")",
        ValueKind.Map => Json + ".MapHash<" + Name(type.Item!) + ">(" + value + ", " + HashFunction(type.Item!, depth + 1) + ")",
        _ => Json + ".ValueHash(" + value + ")",
    };

    private string EqualsFunction(TypeRef type, int depth)
    {
        var suffix = depth.ToString(CultureInfo.InvariantCulture);
        var left = "__left" + suffix;
        var right = "__right" + suffix;
        return "static (" + Name(type) + " " + left + ", " + Name(type) + " " + right + ") => "
            + EqualsCall(type, left, right, depth);
    }

    private string HashFunction(TypeRef type, int depth)
    {
        var value = "__value" + depth.ToString(CultureInfo.InvariantCulture);
        return "static (" + Name(type) + " " + value + ") => " + HashCall(type, value, depth);
    }

    /// <summary>An expression that formats a scalar value for a URL, header or form field.</summary>
    public string FormatCall(TypeRef type, string value) => type.Kind switch
    {
        ValueKind.String => value,
        ValueKind.Enum => value + ".ToString()",
        ValueKind.Any => value + ".GetRawText()",
        ValueKind.Model or ValueKind.Array or ValueKind.Map =>
            Json + ".Serialize(" + value + ", " + WriteFunction(type) + ")",
        _ => Json + ".Format(" + value + ")",
    };
}
