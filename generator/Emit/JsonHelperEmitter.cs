using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Writes the internal helper class that the generated types share: JSON primitives, lists and maps, value
/// formatting for URLs, and response handling. None of it uses reflection.
/// </summary>
internal static class JsonHelperEmitter
{
    // Maximum length, in characters, of the body kept on the exception. A larger body is cut so that errors cannot fill memory.
    private const int MaxErrorBodyLength = 65536;

    public static void Emit(SourceWriter writer, ClientInfo client)
    {
        writer.Line("/// <summary>Reflection-free JSON and HTTP helpers shared by the generated " + client.ClassName + " types.</summary>");
        writer.Line("internal static class " + client.JsonName);
        writer.OpenBlock();
        writer.Line("/// <summary>The longest response body, in characters, that an exception keeps.</summary>");
        writer.Line("internal const int MaxErrorBodyLength = " + MaxErrorBodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture) + ";");
        writer.Line();
        writer.Line("/// <summary>Reads one value; the reader is positioned on its first token and ends on its last.</summary>");
        writer.Line("internal delegate T ReadFunc<T>(ref " + TypeSyntax.Reader + " reader);");
        writer.Line();
        foreach (var line in Body(client).Split('\n'))
        {
            if (line.Length == 0)
            {
                writer.Line();
            }
            else
            {
                writer.Line(line);
            }
        }

        writer.CloseBlock();
    }

    // The helper body is fixed text apart from the client's type names.
    private static string Body(ClientInfo client) => HelperSource.Text
        .Replace("$Exception$", client.Qualify(client.ExceptionName))
        .Replace("\r\n", "\n")
        .TrimEnd('\n');
}
