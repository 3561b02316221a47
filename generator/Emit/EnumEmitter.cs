using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Writes an open enum: a readonly struct over the wire value with the known values as static properties, so
/// a value the spec does not list still reads, compares and writes back unchanged.
/// </summary>
internal static class EnumEmitter
{
    // Roslyn binds "Value is a or b or ..." in time quadratic in the number of values: 2,000 values took 6 s and
    // 16,000 took 6 minutes. Enums with more values than this test membership with a HashSet instead.
    private const int MaxPatternValues = 32;

    public static void Emit(SourceWriter writer, ClientInfo client, TypeModel type)
    {
        var isString = type.Kind == TypeKind.StringEnum;
        var valueType = isString ? "string" : "long";
        var self = client.Qualify(type.Name);
        Emitter.Documentation(writer, type.Description, "The " + type.Name + " values.", type.Deprecated);
        writer.Line("/// <remarks>Values that the spec does not list are kept as they are; <see cref=\"IsKnown\"/> tells them apart.</remarks>");
        writer.Line("public readonly partial struct " + type.Name + " : global::System.IEquatable<" + self + ">");
        writer.OpenBlock();
        writer.Line(isString ? "private readonly string? _value;" : "private readonly long _value;");
        writer.Line();
        writer.Line("/// <summary>Creates a value from its wire form.</summary>");
        writer.Line("/// <param name=\"value\">The value as sent on the wire.</param>");
        writer.Line("public " + type.Name + "(" + valueType + " value)");
        writer.OpenBlock();
        writer.Line(isString ? "_value = value ?? throw new global::System.ArgumentNullException(nameof(value));" : "_value = value;");
        writer.CloseBlock();
        writer.Line();
        foreach (var member in type.Members)
        {
            writer.Line("/// <summary>The value <c>" + CSharp.XmlText(member.Value) + "</c>.</summary>");
            writer.Line("public static " + self + " " + member.Name + " { get; } = new " + self + "(" + Literal(member.Value, isString) + ");");
            writer.Line();
        }

        writer.Line("/// <summary>The value as sent on the wire.</summary>");
        writer.Line(isString ? "public string Value => _value ?? string.Empty;" : "public long Value => _value;");
        writer.Line();
        writer.Line("/// <summary>Whether the value is one that the spec lists.</summary>");
        if (type.Members.Count > MaxPatternValues)
        {
            writer.Line("public bool IsKnown => s_knownValues.Contains(Value);");
            writer.Line();
            EmitKnownValues(writer, type.Members, isString);
        }
        else
        {
            writer.Line("public bool IsKnown => " + KnownExpression(type.Members, isString) + ";");
        }

        writer.Line();
        EmitEquality(writer, self, isString);
        EmitJson(writer, client, self, isString);
        writer.CloseBlock();
    }

    private static string Literal(string value, bool isString) => isString ? CSharp.Literal(value) : value + "L";

    private static string KnownExpression(EquatableArray<EnumMemberModel> members, bool isString)
    {
        if (members.Count == 0)
        {
            return "false";
        }

        var patterns = new List<string>();
        foreach (var member in members)
        {
            patterns.Add(Literal(member.Value, isString));
        }

        return "Value is " + string.Join(" or ", patterns);
    }

    // Member names are PascalCase and never contain '_', so the field name cannot clash with a listed value.
    private static void EmitKnownValues(SourceWriter writer, EquatableArray<EnumMemberModel> members, bool isString)
    {
        var element = isString ? "string" : "long";
        var comparer = isString ? "global::System.StringComparer.Ordinal" : "global::System.Collections.Generic.EqualityComparer<long>.Default";
        writer.Line("private static readonly global::System.Collections.Generic.HashSet<" + element + "> s_knownValues = new(");
        writer.Indent();
        writer.Line("new " + element + "[]");
        writer.OpenBlock();
        foreach (var member in members)
        {
            writer.Line(Literal(member.Value, isString) + ",");
        }

        writer.CloseBlock(",");
        writer.Line(comparer + ");");
        writer.Outdent();
    }

    private static void EmitEquality(SourceWriter writer, string self, bool isString)
    {
        writer.Line("/// <summary>Returns the wire value.</summary>");
        writer.Line("/// <returns>The wire value.</returns>");
        writer.Line(isString
            ? "public override string ToString() => Value;"
            : "public override string ToString() => Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);");
        writer.Line();
        writer.Line("/// <summary>Compares the wire values ordinally.</summary>");
        writer.Line("/// <param name=\"other\">The value to compare with.</param>");
        writer.Line("/// <returns>Whether the wire values are equal.</returns>");
        writer.Line(isString
            ? "public bool Equals(" + self + " other) => string.Equals(Value, other.Value, global::System.StringComparison.Ordinal);"
            : "public bool Equals(" + self + " other) => Value == other.Value;");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line("public override bool Equals(object? obj) => obj is " + self + " other && Equals(other);");
        writer.Line();
        writer.Line("/// <inheritdoc />");
        writer.Line(isString
            ? "public override int GetHashCode() => global::System.StringComparer.Ordinal.GetHashCode(Value);"
            : "public override int GetHashCode() => Value.GetHashCode();");
        writer.Line();
        writer.Line("/// <summary>Compares the wire values ordinally.</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("/// <returns>Whether the wire values are equal.</returns>");
        writer.Line("public static bool operator ==(" + self + " left, " + self + " right) => left.Equals(right);");
        writer.Line();
        writer.Line("/// <summary>Compares the wire values ordinally.</summary>");
        writer.Line("/// <param name=\"left\">The first value.</param>");
        writer.Line("/// <param name=\"right\">The second value.</param>");
        writer.Line("/// <returns>Whether the wire values differ.</returns>");
        writer.Line("public static bool operator !=(" + self + " left, " + self + " right) => !left.Equals(right);");
        writer.Line();
    }

    private static void EmitJson(SourceWriter writer, ClientInfo client, string self, bool isString)
    {
        var json = client.Qualify(client.JsonName);
        writer.Line("/// <summary>Reads one value from JSON; the reader must be positioned on the value.</summary>");
        writer.Line("/// <param name=\"reader\">The reader.</param>");
        writer.Line("/// <returns>The value read.</returns>");
        writer.Line("public static " + self + " Read(ref " + TypeSyntax.Reader + " reader) => new " + self + "("
            + json + (isString ? ".ReadString" : ".ReadInt64") + "(ref reader));");
        writer.Line();
        writer.Line("/// <summary>Writes the wire value as JSON.</summary>");
        writer.Line("/// <param name=\"writer\">The writer.</param>");
        writer.Line("public void Write(" + TypeSyntax.Writer + " writer)");
        writer.OpenBlock();
        writer.Line("if (writer is null)");
        writer.OpenBlock();
        writer.Line("throw new global::System.ArgumentNullException(nameof(writer));");
        writer.CloseBlock();
        writer.Line();
        writer.Line(isString ? "writer.WriteStringValue(Value);" : "writer.WriteNumberValue(Value);");
        writer.CloseBlock();
    }
}
