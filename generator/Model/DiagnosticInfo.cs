using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pagecall.OpenApi.Generator.Model;

/// <summary>
/// A diagnostic as plain data: the descriptor ID, message arguments and a position in the spec file.
/// The Roslyn <see cref="Diagnostic"/> is built from it only in the output callback.
/// </summary>
internal sealed record DiagnosticInfo(
    string Id,
    EquatableArray<string> Arguments,
    string Path,
    int Start,
    int Length,
    int StartLine,
    int StartColumn,
    int EndLine,
    int EndColumn)
{
    public Diagnostic ToDiagnostic()
    {
        var span = new TextSpan(Start, Length);
        var lines = new LinePositionSpan(
            new LinePosition(StartLine, StartColumn),
            new LinePosition(EndLine, EndColumn));
        var location = Location.Create(Path, span, lines);
        var arguments = new object[Arguments.Count];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), location, arguments);
    }
}
