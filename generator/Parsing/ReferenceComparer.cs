using System.Collections.Generic;
using System.Runtime.CompilerServices;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>Compares YAML nodes by identity, because YamlNode equality compares content.</summary>
internal sealed class ReferenceComparer : IEqualityComparer<YamlNode>
{
    public static readonly ReferenceComparer Instance = new();

    public bool Equals(YamlNode? x, YamlNode? y) => ReferenceEquals(x, y);

    public int GetHashCode(YamlNode obj) => RuntimeHelpers.GetHashCode(obj);
}
