using YamlDotNet.Core;

namespace Pagecall.Provisioning.Manifest.Yaml;

/// <summary>
/// A node of a parsed YAML document with its source position. Aliases share the anchored node object, so the
/// tree costs memory in proportion to the file, not to its alias expansion.
/// </summary>
internal abstract class YamlNode(SourcePosition position)
{
    public SourcePosition Position { get; } = position;

    /// <summary>Number of nodes in this subtree with every alias expanded.</summary>
    public long ExpandedSize { get; protected set; } = 1;

    /// <summary>Describes the node kind for messages, such as "a list".</summary>
    public abstract string Describe();
}

/// <summary>A scalar with its literal text. No YAML type resolution is applied to <see cref="Value"/>.</summary>
internal sealed class YamlScalar(SourcePosition position, string value, ScalarStyle style) : YamlNode(position)
{
    public string Value { get; } = value;

    public ScalarStyle Style { get; } = style;

    public bool IsPlain => Style is ScalarStyle.Plain or ScalarStyle.Any;

    /// <summary>
    /// True for an unquoted null of the YAML 1.2 core schema: empty, <c>~</c>, <c>null</c>, <c>Null</c> or
    /// <c>NULL</c>.
    /// </summary>
    public bool IsNull => IsPlain && Value is "" or "~" or "null" or "Null" or "NULL";

    public override string Describe() => IsNull ? "null" : $"the value {ManifestErrors.Quote(Value)}";
}

/// <summary>A mapping, with its entries in source order and duplicates kept.</summary>
internal sealed class YamlMapping(SourcePosition position) : YamlNode(position)
{
    private readonly List<KeyValuePair<YamlNode, YamlNode>> _entries = [];

    public IReadOnlyList<KeyValuePair<YamlNode, YamlNode>> Entries => _entries;

    public void Add(YamlNode key, YamlNode value)
    {
        _entries.Add(new(key, value));
        ExpandedSize += key.ExpandedSize + value.ExpandedSize;
    }

    public override string Describe() => "a mapping";
}

/// <summary>A sequence, with its items in source order.</summary>
internal sealed class YamlSequence(SourcePosition position) : YamlNode(position)
{
    private readonly List<YamlNode> _items = [];

    public IReadOnlyList<YamlNode> Items => _items;

    public void Add(YamlNode item)
    {
        _items.Add(item);
        ExpandedSize += item.ExpandedSize;
    }

    public override string Describe() => "a list";
}
