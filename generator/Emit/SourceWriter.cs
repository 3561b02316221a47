using System.Text;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>Builds C# source line by line and tracks the indentation of nested blocks.</summary>
internal sealed class SourceWriter
{
    private const int IndentSize = 4;

    private readonly StringBuilder _builder = new();
    private int _depth;

    public void Line(string text)
    {
        _builder.Append(' ', _depth * IndentSize);
        _builder.Append(text);
        _builder.Append('\n');
    }

    public void Line() => _builder.Append('\n');

    /// <summary>Writes an opening brace and indents what follows.</summary>
    public void OpenBlock()
    {
        Line("{");
        _depth++;
    }

    /// <summary>Outdents and writes a closing brace, followed by <paramref name="suffix"/> (such as ";").</summary>
    public void CloseBlock(string suffix = "")
    {
        _depth--;
        Line("}" + suffix);
    }

    public void Indent() => _depth++;

    public void Outdent() => _depth--;

    public override string ToString() => _builder.ToString();
}
