using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Writes a oneOf/anyOf type: a sealed record that keeps the raw JSON and reads it as a branch on request, so a
/// payload that matches no branch is never lost. Two unions are equal when their JSON values are equal by content.
/// </summary>
internal sealed class UnionEmitter
{
    private readonly SourceWriter _writer;
    private readonly TypeSyntax _syntax;
    private readonly ClientInfo _client;
    private readonly TypeModel _type;

    public UnionEmitter(SourceWriter writer, TypeSyntax syntax, ClientInfo client, TypeModel type)
    {
        _writer = writer;
        _syntax = syntax;
        _client = client;
        _type = type;
    }

    public void Emit()
    {
        var self = _client.Qualify(_type.Name);
        Emitter.Documentation(_writer, _type.Description, "One of several shapes of " + _type.Name + ".", _type.Deprecated);
        _writer.Line("/// <remarks>The JSON is kept as it arrived; each TryGet method reads it as one of the shapes the spec lists.</remarks>");
        _writer.Line("public sealed partial record " + _type.Name);
        _writer.OpenBlock();
        _writer.Line("/// <summary>Wraps a JSON value.</summary>");
        _writer.Line("/// <param name=\"json\">The JSON value.</param>");
        _writer.Line("public " + _type.Name + "(" + TypeSyntax.JsonElement + " json)");
        _writer.OpenBlock();
        _writer.Line("Json = json;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("/// <summary>The JSON value as it arrived.</summary>");
        _writer.Line("public " + TypeSyntax.JsonElement + " Json { get; }");
        _writer.Line();
        foreach (var branch in _type.Branches)
        {
            EmitBranch(self, branch);
        }

        _writer.Line("/// <summary>Reads one value from JSON; the reader must be positioned on the value's first token.</summary>");
        _writer.Line("/// <param name=\"reader\">The reader, left on the value's last token.</param>");
        _writer.Line("/// <returns>The value read.</returns>");
        _writer.Line("public static " + self + " Read(ref " + TypeSyntax.Reader + " reader) => new " + self + "("
            + TypeSyntax.JsonElement + ".ParseValue(ref reader));");
        _writer.Line();
        _writer.Line("/// <summary>Writes the JSON value unchanged.</summary>");
        _writer.Line("/// <param name=\"writer\">The writer.</param>");
        _writer.Line("public void Write(" + TypeSyntax.Writer + " writer) => Json.WriteTo(writer);");
        _writer.Line();
        EmitRecordMembers(self);
        _writer.CloseBlock();
    }

    // The compiler's PrintMembers would print the raw JSON, which may contain a credential.
    private void EmitRecordMembers(string self)
    {
        var summary = _type.Sensitive
            ? "Appends the JSON for ToString as [redacted], because the schema marks it as a credential, or null."
            : "Appends the JSON for ToString: a scalar as its JSON text, an object or array only as its count.";
        _writer.Line("/// <summary>" + summary + "</summary>");
        _writer.Line("/// <param name=\"builder\">The text being built.</param>");
        _writer.Line("/// <returns>Always true.</returns>");
        _writer.Line("private bool PrintMembers(global::System.Text.StringBuilder builder)");
        _writer.OpenBlock();
        _writer.Line("builder.Append(\"Json = \");");
        _writer.Line(_syntax.Json + (_type.Sensitive ? ".AppendRedactedJson" : ".AppendValue") + "(builder, Json);");
        _writer.Line("return true;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("/// <summary>Compares the JSON values by content: numbers by decimal value, objects regardless of property order.</summary>");
        _writer.Line("/// <param name=\"other\">The union to compare with.</param>");
        _writer.Line("/// <returns>Whether both unions have equal JSON values.</returns>");
        _writer.Line("public bool Equals(" + self + "? other) => other is not null && " + _syntax.Json + ".JsonEquals(Json, other.Json);");
        _writer.Line();
        _writer.Line("/// <summary>Returns a hash code that agrees with Equals: equal unions get equal hash codes.</summary>");
        _writer.Line("/// <returns>The hash code.</returns>");
        _writer.Line("public override int GetHashCode() => " + _syntax.Json + ".JsonHash(Json);");
    }

    private void EmitBranch(string self, UnionBranchModel branch)
    {
        var type = _syntax.Name(branch.Type);
        var read = _syntax.ReadFunction(branch.Type);
        _writer.Line("/// <summary>Reads the JSON as <c>" + CSharp.XmlText(branch.Name) + "</c> when it has that shape.</summary>");
        _writer.Line("/// <param name=\"value\">The value read, or the default when the method returns false.</param>");
        _writer.Line("/// <returns>Whether the JSON could be read as that shape.</returns>");
        _writer.Line("public bool TryGet" + branch.Name + "([global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out "
            + type + " value) => " + _syntax.Json + ".TryConvert<" + type + ">(Json, " + read + ", out value);");
        _writer.Line();
        _writer.Line("/// <summary>Reads the JSON as <c>" + CSharp.XmlText(branch.Name) + "</c>.</summary>");
        _writer.Line("/// <returns>The value read.</returns>");
        _writer.Line("/// <exception cref=\"global::System.Text.Json.JsonException\">The JSON does not have that shape.</exception>");
        _writer.Line("public " + type + " As" + branch.Name + "() => " + _syntax.Json + ".Convert<" + type + ">(Json, " + read + ");");
        _writer.Line();
        _writer.Line("/// <summary>Wraps a <c>" + CSharp.XmlText(branch.Name) + "</c> value.</summary>");
        _writer.Line("/// <param name=\"value\">The value.</param>");
        _writer.Line("/// <returns>The union holding the value's JSON.</returns>");
        _writer.Line("public static " + self + " From" + branch.Name + "(" + type + " value) => new " + self + "("
            + _syntax.Json + ".ToElement<" + type + ">(value, " + _syntax.WriteFunction(branch.Type) + "));");
        _writer.Line();
    }
}
