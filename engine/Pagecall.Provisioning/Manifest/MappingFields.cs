using Pagecall.Provisioning.Manifest.Yaml;

namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// The entries of one YAML mapping after checking its keys, with typed accessors that report every problem to a
/// shared diagnostics list. Each accessor returns null when the key is absent, null, or invalid.
/// </summary>
internal sealed class MappingFields
{
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SourcePosition> _positions = new(StringComparer.Ordinal);
    private readonly DiagnosticBag _diagnostics;

    private MappingFields(YamlMapping mapping, string path, DiagnosticBag diagnostics)
    {
        Mapping = mapping;
        Path = path;
        _diagnostics = diagnostics;
    }

    public YamlMapping Mapping { get; }

    public string Path { get; }

    /// <summary>Positions of the values of the keys that are set to something other than null.</summary>
    public FieldPositions Positions => new(_positions);

    /// <summary>
    /// Reads the keys of <paramref name="mapping"/>, reporting duplicate, unknown and non-scalar keys. The first
    /// of two duplicate keys wins.
    /// </summary>
    public static MappingFields Read(
        YamlMapping mapping, string path, IReadOnlyList<string> allowedKeys, DiagnosticBag diagnostics)
    {
        var fields = new MappingFields(mapping, path, diagnostics);
        var keyPositions = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var (keyNode, value) in mapping.Entries)
        {
            if (keyNode is not YamlScalar key)
            {
                diagnostics.Add(ManifestErrors.ExpectedScalar(keyNode.Position, path, keyNode.Describe()));
                continue;
            }

            var keyPath = Join(path, key.Value);
            if (keyPositions.TryGetValue(key.Value, out var first))
            {
                diagnostics.Add(ManifestErrors.DuplicateKey(key.Position, keyPath, key.Value, first));
                continue;
            }

            keyPositions[key.Value] = key.Position;
            if (!allowedKeys.Contains(key.Value))
            {
                diagnostics.Add(ManifestErrors.UnknownKey(key.Position, keyPath, key.Value, allowedKeys));
                continue;
            }

            fields._values[key.Value] = value;
        }

        return fields;
    }

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    public string PathOf(string key) => Join(Path, key);

    /// <summary>Returns the value node of <paramref name="key"/>, or null when the key is absent or null.</summary>
    public YamlNode? Node(string key, bool isList = false)
    {
        if (!_values.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalar { IsNull: true } nullScalar)
        {
            var warning = ManifestErrors.NullTreatedAsAbsent(
                nullScalar.Position, PathOf(key), key, nullScalar.Value, isList);
            _diagnostics.Add(warning);
            return null;
        }

        _positions[key] = node.Position;
        return node;
    }

    /// <summary>Returns the scalar value of <paramref name="key"/>, reporting a collection as the wrong type.</summary>
    public YamlScalar? Scalar(string key)
    {
        var node = Node(key);
        if (node is null or YamlScalar)
        {
            return (YamlScalar?)node;
        }

        _diagnostics.Add(ManifestErrors.ExpectedScalar(node.Position, PathOf(key), node.Describe()));
        return null;
    }

    public string? OptionalString(string key) => Scalar(key)?.Value;

    /// <summary>
    /// Returns a required string that has a visible character and no control character, reporting it as missing,
    /// empty (PM029) or containing a control character (PM032) otherwise.
    /// </summary>
    public string? RequiredString(string key)
    {
        if (!IsSet(key))
        {
            return null;
        }

        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (string.IsNullOrWhiteSpace(scalar.Value))
        {
            _diagnostics.Add(ManifestErrors.EmptyValue(scalar.Position, PathOf(key), key));
            return null;
        }

        var control = IdentifierText.IndexOfControl(scalar.Value);
        if (control >= 0)
        {
            _diagnostics.Add(ManifestErrors.ControlCharacter(scalar.Position, PathOf(key), key, scalar.Value, control));
            return null;
        }

        if (IdentifierText.IsInvisible(scalar.Value))
        {
            _diagnostics.Add(ManifestErrors.InvisibleValue(scalar.Position, PathOf(key), key, scalar.Value));
            return null;
        }

        return scalar.Value;
    }

    /// <summary>Returns a required enum value, reporting it as missing or empty when it is absent or null.</summary>
    public TEnum? RequiredName<TEnum>(string key, string what)
        where TEnum : struct, Enum
    {
        if (!IsSet(key))
        {
            return null;
        }

        return Name<TEnum>(key, what);
    }

    /// <summary>Returns a boolean written as true or false in the YAML 1.2 core schema's case forms.</summary>
    public bool? Boolean(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (scalar.IsPlain)
        {
            switch (scalar.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        _diagnostics.Add(ManifestErrors.InvalidBoolean(scalar.Position, PathOf(key), scalar.Value, !scalar.IsPlain));
        return null;
    }

    /// <summary>Returns a positive integer written as plain decimal digits with an optional sign.</summary>
    public int? PositiveInteger(string key)
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        if (!scalar.IsPlain || !IsDecimal(scalar.Value) || !int.TryParse(scalar.Value, out var value))
        {
            _diagnostics.Add(ManifestErrors.InvalidInteger(scalar.Position, PathOf(key), scalar.Value));
            return null;
        }

        if (value <= 0)
        {
            _diagnostics.Add(ManifestErrors.NonPositiveInteger(scalar.Position, PathOf(key), scalar.Value));
            return null;
        }

        return value;
    }

    /// <summary>Returns an enum value written as its exact lowercase name.</summary>
    public TEnum? Name<TEnum>(string key, string what)
        where TEnum : struct, Enum
    {
        var scalar = Scalar(key);
        if (scalar is null)
        {
            return null;
        }

        var value = ManifestTypeNames.ParseWireName<TEnum>(scalar.Value);
        if (value is null)
        {
            var allowed = ManifestTypeNames.WireNames<TEnum>();
            _diagnostics.Add(ManifestErrors.InvalidName(scalar.Position, PathOf(key), what, scalar.Value, allowed));
        }

        return value;
    }

    /// <summary>
    /// Returns the items of a list, or null when the key is absent or null. Reports any other node kind.
    /// </summary>
    public YamlSequence? Sequence(string key)
    {
        var node = Node(key, isList: true);
        if (node is null or YamlSequence)
        {
            return (YamlSequence?)node;
        }

        _diagnostics.Add(ManifestErrors.ExpectedSequence(node.Position, PathOf(key), node.Describe()));
        return null;
    }

    /// <summary>Reports a required key that is absent or null, and returns whether it has a value.</summary>
    private bool IsSet(string key)
    {
        if (!_values.TryGetValue(key, out var raw))
        {
            _diagnostics.Add(ManifestErrors.MissingKey(Mapping.Position, PathOf(key), key));
            return false;
        }

        if (raw is YamlScalar { IsNull: true } nullValue)
        {
            _diagnostics.Add(ManifestErrors.EmptyValue(nullValue.Position, PathOf(key), key));
            return false;
        }

        return true;
    }

    private static bool IsDecimal(string text)
    {
        var digits = text.StartsWith('+') || text.StartsWith('-') ? text[1..] : text;
        return digits.Length > 0 && digits.All(char.IsAsciiDigit);
    }
}
