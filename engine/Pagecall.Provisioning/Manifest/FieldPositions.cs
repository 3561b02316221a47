namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Positions of the keys set on one manifest element, keyed by YAML key name. Compared by value.
/// </summary>
public sealed class FieldPositions : IEquatable<FieldPositions>
{
    private readonly SortedDictionary<string, SourcePosition> _positions;

    public FieldPositions(IEnumerable<KeyValuePair<string, SourcePosition>> positions) =>
        _positions = new SortedDictionary<string, SourcePosition>(
            positions.ToDictionary(pair => pair.Key, pair => pair.Value), StringComparer.Ordinal);

    public static FieldPositions Empty { get; } = new([]);

    /// <summary>Names of the keys that the manifest sets, in ordinal order.</summary>
    public IEnumerable<string> Keys => _positions.Keys;

    /// <summary>Returns the position of the value of <paramref name="key"/>, or null when the key is absent.</summary>
    public SourcePosition? Find(string key) => _positions.GetValueOrDefault(key);

    public bool Contains(string key) => _positions.ContainsKey(key);

    public bool Equals(FieldPositions? other) => other is not null && _positions.SequenceEqual(other._positions);

    public override bool Equals(object? obj) => Equals(obj as FieldPositions);

    public override int GetHashCode() => _positions.Count;
}
