using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pagecall.Provisioning.Manifest.Yaml;

/// <summary>Limits that keep hostile YAML from using unbounded memory or time.</summary>
/// <param name="MaxDepth">Maximum number of nested collections.</param>
/// <param name="MaxAliasExpansion">Maximum number of nodes that aliases may add when expanded.</param>
internal sealed record YamlLimits(int MaxDepth, int MaxAliasExpansion);

/// <summary>The root node of a document, or the diagnostics that stopped reading it.</summary>
internal sealed record YamlReadResult(YamlNode? Root, IReadOnlyList<ManifestDiagnostic> Errors);

/// <summary>
/// Builds a <see cref="YamlNode"/> tree from YamlDotNet parser events, keeping the position of every node.
/// Reading stops at the first problem, because a YAML error leaves the rest of the file without a reliable
/// structure.
/// </summary>
internal sealed class YamlTreeReader
{
    private readonly string _text;
    private readonly string _file;
    private readonly YamlLimits _limits;
    private readonly Dictionary<string, YamlNode> _anchors = new(StringComparer.Ordinal);
    private readonly Stack<Frame> _open = new();
    private long _aliasExpansion;
    private int _documents;
    private YamlNode? _root;

    private YamlTreeReader(string text, string file, YamlLimits limits)
    {
        _text = text;
        _file = file;
        _limits = limits;
    }

    /// <summary>Parses <paramref name="text"/> as a single YAML document.</summary>
    public static YamlReadResult Read(string text, string file, YamlLimits limits) =>
        new YamlTreeReader(text, file, limits).Read();

    private YamlReadResult Read()
    {
        try
        {
            var parser = new Parser(new StringReader(_text));
            while (MoveNext(parser))
            {
                var error = Accept(parser.Current!);
                if (error is not null)
                {
                    return Failed(error);
                }
            }
        }
        catch (YamlException exception)
        {
            return Failed(DescribeSyntaxError(exception));
        }

        return _root is null ? Failed(ManifestErrors.EmptyDocument(_file)) : new YamlReadResult(_root, []);
    }

    /// <summary>
    /// Advances the parser, turning its internal failures into syntax errors at the last good position.
    /// </summary>
    private bool MoveNext(Parser parser)
    {
        try
        {
            return parser.MoveNext();
        }
        catch (InvalidOperationException exception)
        {
            // NOTE: YamlDotNet 18.1.0 throws InvalidOperationException from Scanner.ScanPlainScalar on some
            // malformed input, such as ":\n{g\n-", where a YamlException is expected.
            var at = parser.Current?.End ?? Mark.Empty;
            var detail = exception.Message.TrimEnd('.');
            throw new SyntaxErrorException(at, at, $"the YAML parser failed after this position ({detail})");
        }
    }

    private ManifestDiagnostic? Accept(ParsingEvent parsingEvent) => parsingEvent switch
    {
        DocumentStart start when ++_documents > 1 => ManifestErrors.MultipleDocuments(At(start.Start)),
        Scalar scalar => Attach(new YamlScalar(At(scalar.Start), scalar.Value, scalar.Style), scalar.Anchor),
        SequenceStart start => Open(new YamlSequence(At(start.Start)), start.Anchor),
        MappingStart start => Open(new YamlMapping(At(start.Start)), start.Anchor),
        SequenceEnd or MappingEnd => Close(),
        AnchorAlias alias => AttachAlias(alias),
        _ => null,
    };

    private ManifestDiagnostic? Open(YamlNode collection, AnchorName anchor)
    {
        if (_open.Count >= _limits.MaxDepth)
        {
            return ManifestErrors.NestingTooDeep(collection.Position, _limits.MaxDepth);
        }

        _open.Push(new Frame(collection, anchor));
        return null;
    }

    private ManifestDiagnostic? Close()
    {
        var frame = _open.Pop();

        // A collection's anchor is registered when it closes, so an alias inside it cannot form a cycle.
        return Attach(frame.Node, frame.Anchor);
    }

    private ManifestDiagnostic? AttachAlias(AnchorAlias alias)
    {
        if (!_anchors.TryGetValue(alias.Value.Value, out var target))
        {
            return ManifestErrors.UndefinedAlias(At(alias.Start), alias.Value.Value);
        }

        _aliasExpansion += target.ExpandedSize;
        if (_aliasExpansion > _limits.MaxAliasExpansion)
        {
            return ManifestErrors.AliasExpansionLimit(
                At(alias.Start), alias.Value.Value, _aliasExpansion, _limits.MaxAliasExpansion);
        }

        return Attach(target, AnchorName.Empty);
    }

    private ManifestDiagnostic? Attach(YamlNode node, AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _anchors[anchor.Value] = node;
        }

        if (_open.Count == 0)
        {
            _root = node;
            return null;
        }

        var parent = _open.Peek();
        switch (parent.Node)
        {
            case YamlSequence sequence:
                sequence.Add(node);
                break;
            case YamlMapping mapping when parent.PendingKey is null:
                parent.PendingKey = node;
                break;
            case YamlMapping mapping:
                mapping.Add(parent.PendingKey!, node);
                parent.PendingKey = null;
                break;
        }

        return null;
    }

    private ManifestDiagnostic DescribeSyntaxError(YamlException exception)
    {
        // YamlDotNet reports some tab errors at the start of the enclosing mapping, far above the tab itself.
        var mentionsTab = exception.Message.Contains("tab", StringComparison.OrdinalIgnoreCase);
        var tab = FindIndentationTab(mentionsTab ? long.MaxValue : exception.Start.Line);
        return tab is not null
            ? ManifestErrors.TabIndentation(tab)
            : ManifestErrors.YamlSyntax(At(exception.Start), StripLocation(exception.Message));
    }

    /// <summary>
    /// Finds a tab in the leading whitespace of the lines up to and just after <paramref name="failingLine"/>.
    /// </summary>
    private SourcePosition? FindIndentationTab(long failingLine)
    {
        var lines = _text.Split('\n');
        var last = failingLine >= lines.Length ? lines.Length : (int)failingLine + 1;
        for (var index = 0; index < last; index++)
        {
            var line = lines[index];
            var indentation = line.Length - line.TrimStart(' ', '\t').Length;
            var tab = line.IndexOf('\t', 0, indentation);
            if (tab >= 0 && indentation < line.TrimEnd('\r').Length)
            {
                return new SourcePosition(_file, index + 1, tab + 1);
            }
        }

        return null;
    }

    /// <summary>
    /// Removes the "(Line: 1, Col: 2, Idx: 3) - (…):" prefix, because the diagnostic carries the position.
    /// </summary>
    private static string StripLocation(string message)
    {
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith('(') && separator >= 0 ? message[(separator + 3)..] : message;
    }

    private YamlReadResult Failed(ManifestDiagnostic error) => new(null, [error]);

    private SourcePosition At(Mark mark) => new(_file, (int)mark.Line, (int)mark.Column);

    private sealed class Frame(YamlNode node, AnchorName anchor)
    {
        public YamlNode Node { get; } = node;

        public AnchorName Anchor { get; } = anchor;

        public YamlNode? PendingKey { get; set; }
    }
}
