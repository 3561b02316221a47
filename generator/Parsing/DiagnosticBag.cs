using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>Collects diagnostics as data, located by the YAML marks of the node they concern.</summary>
internal sealed class DiagnosticBag
{
    private readonly string _path;
    private readonly int _textLength;
    private readonly List<DiagnosticInfo> _items = new();

    public DiagnosticBag(string path, int textLength)
    {
        _path = path;
        _textLength = textLength;
    }

    public bool HasErrors { get; private set; }

    public void Report(DiagnosticDescriptor descriptor, YamlNode? node, params string[] arguments)
    {
        var start = node?.Start ?? Mark.Empty;
        var end = node?.End ?? Mark.Empty;
        Report(descriptor, start, end, arguments);
    }

    public void Report(DiagnosticDescriptor descriptor, Mark start, Mark end, params string[] arguments)
    {
        if (descriptor.DefaultSeverity == DiagnosticSeverity.Error)
        {
            HasErrors = true;
        }

        var startIndex = Clamp(start.Index);
        var endIndex = Clamp(end.Index);
        if (endIndex < startIndex)
        {
            endIndex = startIndex;
        }

        // YAML marks count lines and columns from 1; Roslyn counts from 0.
        var startLine = (int)System.Math.Max(start.Line - 1, 0);
        var startColumn = (int)System.Math.Max(start.Column - 1, 0);
        var endLine = (int)System.Math.Max(end.Line - 1, startLine);
        var endColumn = (int)System.Math.Max(end.Column - 1, 0);
        if (endLine == startLine && endColumn < startColumn)
        {
            endColumn = startColumn;
        }

        _items.Add(new DiagnosticInfo(
            descriptor.Id,
            arguments.ToEquatableArray(),
            _path,
            startIndex,
            endIndex - startIndex,
            startLine,
            startColumn,
            endLine,
            endColumn));
    }

    public EquatableArray<DiagnosticInfo> ToArray() => _items.ToEquatableArray();

    private int Clamp(long index) => (int)System.Math.Min(System.Math.Max(index, 0), _textLength);
}
