namespace Pagecall.Provisioning.Manifest;

/// <summary>Limits the loader applies before and while parsing, so that hostile files fail fast.</summary>
public sealed record ManifestLoadOptions
{
    /// <summary>Default file size limit: 4 MiB.</summary>
    public const long DefaultMaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Default nesting limit. A manifest nests five levels deep, so 32 leaves room for any layout.</summary>
    public const int DefaultMaxDepth = 32;

    /// <summary>Default number of nodes that aliases may add in total when expanded.</summary>
    public const int DefaultMaxAliasExpansion = 100_000;

    public static ManifestLoadOptions Default { get; } = new();

    /// <summary>Largest accepted file, in bytes of UTF-8 (for text input, its UTF-8 encoded length).</summary>
    public long MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Largest accepted number of collections nested inside each other.</summary>
    public int MaxDepth { get; init; } = DefaultMaxDepth;

    /// <summary>
    /// Largest accepted number of nodes that aliases add when expanded: each alias adds the node count of the
    /// subtree it refers to, so a "billion laughs" document fails at the first alias past the limit.
    /// </summary>
    public int MaxAliasExpansion { get; init; } = DefaultMaxAliasExpansion;
}
