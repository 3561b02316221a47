using System.Collections.Generic;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>
/// Claims C# names within one scope (the namespace, a type's members, a method's parameters) and reports
/// PCG005 when two spec names map to the same identifier.
/// </summary>
internal sealed class NameRegistry
{
    private readonly Dictionary<string, string> _owners = new(System.StringComparer.Ordinal);
    private readonly string _scope;
    private readonly DiagnosticBag _diagnostics;

    public NameRegistry(string scope, DiagnosticBag diagnostics)
    {
        _scope = scope;
        _diagnostics = diagnostics;
    }

    /// <summary>Claims a name that the generator itself emits in this scope.</summary>
    public void Reserve(string name, string owner) => _owners[name] = owner;

    /// <summary>Claims <paramref name="name"/> for <paramref name="owner"/>; returns false after reporting PCG005.</summary>
    public bool TryClaim(string name, string owner, YamlNode? node)
    {
        if (_owners.TryGetValue(name, out var existing))
        {
            _diagnostics.Report(DiagnosticDescriptors.NameCollision, node, _scope, existing, owner, name);
            return false;
        }

        _owners[name] = owner;
        return true;
    }
}
