using System;
using System.Collections.Generic;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>
/// Passes parser events on to YamlDotNet's loader and stops at input that the loader cannot survive. The
/// loader descends recursively, so deep nesting overflows the compiler's stack. It also hashes every mapping
/// key in full, so a key that aliases a large list or mapping takes time exponential in the file size.
/// </summary>
internal sealed class BoundedParser : IParser
{
    /// <summary>The maximum number of nested lists and mappings, the root mapping included.</summary>
    /// <remarks>NOTE: the limit is a judgment call that leaves room for deeply nested inline schemas, not a measured bound.</remarks>
    public const int MaxDepth = 128;

    private readonly IParser _inner;
    private readonly Stack<Frame> _open = new();
    private readonly HashSet<string> _collectionAnchors = new(StringComparer.Ordinal);

    public BoundedParser(IParser inner)
    {
        _inner = inner;
    }

    public ParsingEvent? Current => _inner.Current;

    public bool MoveNext()
    {
        if (!_inner.MoveNext())
        {
            return false;
        }

        Check(_inner.Current!);
        return true;
    }

    private void Check(ParsingEvent parsingEvent)
    {
        switch (parsingEvent)
        {
            case Scalar scalar:
                Forget(scalar.Anchor);
                AcceptNode(scalar, isCollection: false);
                break;
            case AnchorAlias alias:
                AcceptNode(alias, _collectionAnchors.Contains(alias.Value.Value));
                break;
            case SequenceStart start:
                Open(start, start.Anchor, isMapping: false);
                break;
            case MappingStart start:
                Open(start, start.Anchor, isMapping: true);
                break;
            case SequenceEnd or MappingEnd:
                _open.Pop();
                break;
        }
    }

    private void Open(ParsingEvent start, AnchorName anchor, bool isMapping)
    {
        AcceptNode(start, isCollection: true);
        if (_open.Count >= MaxDepth)
        {
            throw new RejectedInputException(
                start.Start,
                start.End,
                "The document nests lists and mappings deeper than " + MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)
                + " levels");
        }

        if (!anchor.IsEmpty)
        {
            _collectionAnchors.Add(anchor.Value);
        }

        _open.Push(new Frame(isMapping));
    }

    // Every node inside a mapping alternates between key and value. OpenAPI keys are strings, so a list or a
    // mapping in key position (written out or through an alias) is rejected.
    private void AcceptNode(ParsingEvent node, bool isCollection)
    {
        if (_open.Count == 0 || !_open.Peek().IsMapping)
        {
            return;
        }

        var frame = _open.Peek();
        if (frame.ExpectsKey && isCollection)
        {
            throw new RejectedInputException(node.Start, node.End, "A mapping key is a list or a mapping, but OpenAPI keys are strings");
        }

        frame.ExpectsKey = !frame.ExpectsKey;
    }

    private void Forget(AnchorName anchor)
    {
        if (!anchor.IsEmpty)
        {
            _collectionAnchors.Remove(anchor.Value);
        }
    }

    private sealed class Frame
    {
        public Frame(bool isMapping)
        {
            IsMapping = isMapping;
            ExpectsKey = isMapping;
        }

        public bool IsMapping { get; }

        public bool ExpectsKey { get; set; }
    }
}

/// <summary>Input that <see cref="BoundedParser"/> stops at; <see cref="Problem"/> is the message without positions.</summary>
internal sealed class RejectedInputException : YamlException
{
    public RejectedInputException(Mark start, Mark end, string problem)
        : base(start, end, problem)
    {
        Problem = problem;
    }

    public string Problem { get; }
}
