using System.Globalization;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Writes a sealed record for an object schema, with reflection-free JSON reading and writing, a ToString that
/// redacts credentials, and value equality over every property and AdditionalData.
/// </summary>
internal sealed partial class ModelEmitter
{
    private const string AdditionalDataType =
        "global::System.Collections.Generic.IDictionary<string, " + TypeSyntax.JsonElement + ">";

    private readonly SourceWriter _writer;
    private readonly TypeSyntax _syntax;
    private readonly ClientInfo _client;
    private readonly TypeModel _type;

    public ModelEmitter(SourceWriter writer, TypeSyntax syntax, ClientInfo client, TypeModel type)
    {
        _writer = writer;
        _syntax = syntax;
        _client = client;
        _type = type;
    }

    private string Self => _client.Qualify(_type.Name);

    public void Emit()
    {
        Emitter.Documentation(_writer, _type.Description, "The " + _type.Name + " object.", _type.Deprecated);
        _writer.Line("public sealed partial record " + _type.Name);
        _writer.OpenBlock();
        foreach (var property in _type.Properties)
        {
            EmitProperty(property);
        }

        _writer.Line("/// <summary>JSON properties that this type does not declare, kept so that writing the object back loses nothing.</summary>");
        _writer.Line("public " + AdditionalDataType + " AdditionalData { get; set; } = new global::System.Collections.Generic.Dictionary<string, "
            + TypeSyntax.JsonElement + ">(global::System.StringComparer.Ordinal);");
        _writer.Line();
        EmitRead();
        _writer.Line();
        EmitWrite();
        _writer.Line();
        EmitJsonText();
        _writer.Line();
        EmitPrintMembers();
        _writer.Line();
        EmitEquals();
        _writer.Line();
        EmitGetHashCode();
        _writer.CloseBlock();
    }

    private void EmitProperty(PropertyModel property)
    {
        var fallback = "The '" + property.JsonName + "' property.";
        Emitter.Documentation(_writer, property.Description, fallback, property.Deprecated);
        var modifier = property.IsNullableInCSharp ? "" : "required ";
        _writer.Line("public " + modifier + _syntax.Name(property.Type, property.IsNullableInCSharp) + " " + property.Name + " { get; set; }");
        _writer.Line();
    }

    private void EmitRead()
    {
        _writer.Line("/// <summary>Reads one " + _type.Name + " from JSON; the reader must be positioned on the object's first token.</summary>");
        _writer.Line("/// <param name=\"reader\">The reader, left on the object's last token.</param>");
        _writer.Line("/// <returns>The object read.</returns>");
        _writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match the schema.</exception>");
        _writer.Line("public static " + Self + " Read(ref " + TypeSyntax.Reader + " reader)");
        _writer.OpenBlock();
        _writer.Line(_syntax.Json + ".ExpectStartObject(ref reader, " + CSharp.Literal(_type.Name) + ");");
        for (var i = 0; i < _type.Properties.Count; i++)
        {
            var property = _type.Properties[i];
            var local = Local(i);
            var type = _syntax.Name(property.Type, nullable: !property.Type.IsValueType || property.IsNullableInCSharp);
            var initial = property.Type.IsValueType && !property.IsNullableInCSharp ? "default" : "null";
            _writer.Line(type + " " + local + " = " + initial + ";");
            if (!property.IsNullableInCSharp)
            {
                _writer.Line("var " + Seen(i) + " = false;");
            }
        }

        _writer.Line("var additionalData = new global::System.Collections.Generic.Dictionary<string, " + TypeSyntax.JsonElement + ">(global::System.StringComparer.Ordinal);");
        _writer.Line("while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)");
        _writer.OpenBlock();
        _writer.Line("var propertyName = reader.GetString()!;");
        _writer.Line("reader.Read();");
        _writer.Line("switch (propertyName)");
        _writer.OpenBlock();
        for (var i = 0; i < _type.Properties.Count; i++)
        {
            EmitReadCase(_type.Properties[i], i);
        }

        _writer.Line("default:");
        _writer.Indent();
        _writer.Line("additionalData[propertyName] = " + TypeSyntax.JsonElement + ".ParseValue(ref reader);");
        _writer.Line("break;");
        _writer.Outdent();
        _writer.CloseBlock();
        _writer.CloseBlock();
        _writer.Line();
        EmitConstruction();
    }

    private void EmitReadCase(PropertyModel property, int index)
    {
        _writer.Line("case " + CSharp.Literal(property.JsonName) + ":");
        _writer.Indent();
        var read = _syntax.ReadCall(property.Type, "reader");
        if (property.IsNullableInCSharp)
        {
            _writer.Line(Local(index) + " = reader.TokenType == global::System.Text.Json.JsonTokenType.Null ? null : " + read + ";");
        }
        else
        {
            _writer.Line(Local(index) + " = " + read + ";");
            _writer.Line(Seen(index) + " = true;");
        }

        _writer.Line("break;");
        _writer.Outdent();
    }

    private void EmitConstruction()
    {
        for (var i = 0; i < _type.Properties.Count; i++)
        {
            var property = _type.Properties[i];
            if (!property.IsNullableInCSharp)
            {
                _writer.Line("if (!" + Seen(i) + ")");
                _writer.OpenBlock();
                _writer.Line("throw " + _syntax.Json + ".MissingProperty(" + CSharp.Literal(_type.Name) + ", "
                    + CSharp.Literal(property.JsonName) + ");");
                _writer.CloseBlock();
                _writer.Line();
            }
        }

        _writer.Line("return new " + Self);
        _writer.OpenBlock();
        for (var i = 0; i < _type.Properties.Count; i++)
        {
            var property = _type.Properties[i];
            var suffix = !property.IsNullableInCSharp && !property.Type.IsValueType ? "!" : "";
            _writer.Line(property.Name + " = " + Local(i) + suffix + ",");
        }

        _writer.Line("AdditionalData = additionalData,");
        _writer.CloseBlock(";");
        _writer.CloseBlock();
    }

    private void EmitWrite()
    {
        _writer.Line("/// <summary>Writes this object as JSON, including <see cref=\"AdditionalData\"/>.</summary>");
        _writer.Line("/// <param name=\"writer\">The writer.</param>");
        _writer.Line("public void Write(" + TypeSyntax.Writer + " writer)");
        _writer.OpenBlock();
        _writer.Line("if (writer is null)");
        _writer.OpenBlock();
        _writer.Line("throw new global::System.ArgumentNullException(nameof(writer));");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("writer.WriteStartObject();");
        foreach (var property in _type.Properties)
        {
            EmitWriteProperty(property);
        }

        _writer.Line("foreach (var pair in AdditionalData)");
        _writer.OpenBlock();
        _writer.Line("writer.WritePropertyName(pair.Key);");
        _writer.Line("pair.Value.WriteTo(writer);");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("writer.WriteEndObject();");
        _writer.CloseBlock();
    }

    // Optional properties are left out when null; required ones that allow null are written as null.
    private void EmitWriteProperty(PropertyModel property)
    {
        var name = "writer.WritePropertyName(" + CSharp.Literal(property.JsonName) + ");";
        if (!property.IsNullableInCSharp)
        {
            _writer.Line(name);
            _writer.Line(_syntax.WriteCall(property.Type, "writer", property.Name) + ";");
            return;
        }

        var value = property.Type.IsValueType ? property.Name + ".Value" : property.Name;
        _writer.Line("if (" + property.Name + " is not null)");
        _writer.OpenBlock();
        _writer.Line(name);
        _writer.Line(_syntax.WriteCall(property.Type, "writer", value) + ";");
        _writer.CloseBlock();
        if (property.Required)
        {
            _writer.Line("else");
            _writer.OpenBlock();
            _writer.Line(name);
            _writer.Line("writer.WriteNullValue();");
            _writer.CloseBlock();
        }

        _writer.Line();
    }

    private void EmitJsonText()
    {
        _writer.Line("/// <summary>Parses one " + _type.Name + " from JSON text.</summary>");
        _writer.Line("/// <param name=\"json\">The JSON text.</param>");
        _writer.Line("/// <returns>The object read.</returns>");
        _writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not match the schema.</exception>");
        _writer.Line("public static " + Self + " FromJson(string json) => " + _syntax.Json + ".Parse<" + Self + ">(json, "
            + _syntax.ReadFunction(new TypeRef(ValueKind.Model, _type.Name)) + ");");
        _writer.Line();
        _writer.Line("/// <summary>Returns this object as JSON text.</summary>");
        _writer.Line("/// <returns>The JSON text.</returns>");
        _writer.Line("public string ToJson() => " + _syntax.Json + ".Serialize(this, " + _syntax.WriteFunction(new TypeRef(ValueKind.Model, _type.Name)) + ");");
    }

    private static string Local(int index) => "value" + index.ToString(CultureInfo.InvariantCulture);

    private static string Seen(int index) => "seen" + index.ToString(CultureInfo.InvariantCulture);
}
