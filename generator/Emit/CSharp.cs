using System.Globalization;
using System.Text;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>Escapes spec text for C# string literals and XML documentation comments.</summary>
internal static class CSharp
{
    /// <summary>Returns a quoted C# string literal; quotes, backslashes, control and non-ASCII characters are escaped.</summary>
    public static string Literal(string value)
    {
        var builder = new StringBuilder(value.Length + 2);
        builder.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                default:
                    if (c < ' ' || c > '~')
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        return builder.ToString();
    }

    /// <summary>
    /// Returns text safe inside a one-line XML doc element: markup characters are escaped and every run of
    /// whitespace, newlines included, becomes one space, so nothing can end the comment.
    /// </summary>
    public static string XmlText(string text)
    {
        var builder = new StringBuilder(text.Length);
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c == '\u2028' || c == '\u2029')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            switch (c)
            {
                case '<':
                    builder.Append("&lt;");
                    break;
                case '>':
                    builder.Append("&gt;");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '"':
                    builder.Append("&quot;");
                    break;
                default:
                    builder.Append(c);
                    break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Writes a summary element, with a fallback when the spec has no text.</summary>
    public static void Summary(SourceWriter writer, string? text, string fallback)
    {
        var escaped = string.IsNullOrWhiteSpace(text) ? XmlText(fallback) : XmlText(text!);
        writer.Line("/// <summary>" + escaped + "</summary>");
    }
}
