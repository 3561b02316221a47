using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

// These members replace the ones the compiler would write for the record, because its PrintMembers prints every
// property and its Equals compares lists, maps and AdditionalData by reference.
internal sealed partial class ModelEmitter
{
    private static readonly TypeRef AdditionalDataRef = new(ValueKind.Map, Item: TypeRef.Any);

    private void EmitPrintMembers()
    {
        _writer.Line("/// <summary>");
        _writer.Line("/// Appends the properties for ToString. Sensitive properties print as [redacted], and lists, maps and");
        _writer.Line("/// AdditionalData print only their count, so a nested credential cannot appear either.");
        _writer.Line("/// </summary>");
        _writer.Line("/// <param name=\"builder\">The text being built.</param>");
        _writer.Line("/// <returns>Always true, because AdditionalData is always printed.</returns>");
        _writer.Line("private bool PrintMembers(global::System.Text.StringBuilder builder)");
        _writer.OpenBlock();
        var separator = "";
        foreach (var property in _type.Properties)
        {
            _writer.Line("builder.Append(" + CSharp.Literal(separator + property.Name + " = ") + ");");
            _writer.Line(_syntax.Json + "." + AppendMethod(property) + "(builder, " + property.Name + ");");
            separator = ", ";
        }

        _writer.Line("builder.Append(" + CSharp.Literal(separator + "AdditionalData = ") + ");");
        _writer.Line(_syntax.Json + ".AppendCount(builder, AdditionalData);");
        _writer.Line("return true;");
        _writer.CloseBlock();
    }

    private string AppendMethod(PropertyModel property)
    {
        if (property.Sensitive || _type.Sensitive)
        {
            return "AppendRedacted";
        }

        return property.Type.Kind is ValueKind.Array or ValueKind.Map ? "AppendCount" : "AppendValue";
    }

    private void EmitEquals()
    {
        _writer.Line("/// <summary>");
        _writer.Line("/// Compares every property and AdditionalData by value: lists item by item, maps by key and value, and JSON");
        _writer.Line("/// values by content.");
        _writer.Line("/// </summary>");
        _writer.Line("/// <param name=\"other\">The object to compare with.</param>");
        _writer.Line("/// <returns>Whether both objects have equal values.</returns>");
        _writer.Line("public bool Equals(" + Self + "? other)");
        _writer.OpenBlock();
        _writer.Line("if (other is null)");
        _writer.OpenBlock();
        _writer.Line("return false;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("if (global::System.Object.ReferenceEquals(this, other))");
        _writer.OpenBlock();
        _writer.Line("return true;");
        _writer.CloseBlock();
        _writer.Line();
        foreach (var property in _type.Properties)
        {
            _writer.Line("if (!" + _syntax.EqualsCall(property.Type, property.Name, "other." + property.Name) + ")");
            _writer.OpenBlock();
            _writer.Line("return false;");
            _writer.CloseBlock();
            _writer.Line();
        }

        _writer.Line("return " + _syntax.EqualsCall(AdditionalDataRef, "AdditionalData", "other.AdditionalData") + ";");
        _writer.CloseBlock();
    }

    private void EmitGetHashCode()
    {
        _writer.Line("/// <summary>Returns a hash code that agrees with Equals: equal objects get equal hash codes.</summary>");
        _writer.Line("/// <returns>The hash code.</returns>");
        _writer.Line("public override int GetHashCode()");
        _writer.OpenBlock();
        _writer.Line("var hash = new global::System.HashCode();");
        foreach (var property in _type.Properties)
        {
            _writer.Line("hash.Add(" + _syntax.HashCall(property.Type, property.Name) + ");");
        }

        _writer.Line("hash.Add(" + _syntax.HashCall(AdditionalDataRef, "AdditionalData") + ");");
        _writer.Line("return hash.ToHashCode();");
        _writer.CloseBlock();
    }
}
