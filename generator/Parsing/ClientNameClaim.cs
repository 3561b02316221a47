using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>A spec file's claim on a client name. Only one spec in a project may generate a given client.</summary>
internal sealed record ClientNameClaim(string ClientName, string Path)
{
    /// <summary>Picks, for each client name, the spec whose path sorts first in ordinal order.</summary>
    public static EquatableArray<ClientNameClaim> Owners(ImmutableArray<ClientNameClaim> claims)
    {
        var owners = new Dictionary<string, ClientNameClaim>(StringComparer.Ordinal);
        foreach (var claim in claims)
        {
            if (!owners.TryGetValue(claim.ClientName, out var owner)
                || string.CompareOrdinal(claim.Path, owner.Path) < 0)
            {
                owners[claim.ClientName] = claim;
            }
        }

        var result = new List<ClientNameClaim>(owners.Values);
        result.Sort(static (left, right) => string.CompareOrdinal(left.ClientName, right.ClientName));
        return result.ToEquatableArray();
    }

    /// <summary>
    /// Returns the document unchanged when it owns its client name; otherwise adds a PCG005 error at the start
    /// of the file and marks the document failed, so it generates no source.
    /// </summary>
    public static DocumentModel Apply(DocumentModel document, EquatableArray<ClientNameClaim> owners)
    {
        if (document.Client is not { } client)
        {
            return document;
        }

        var clientName = client.Namespace + "." + client.ClassName;
        foreach (var owner in owners)
        {
            if (!string.Equals(owner.ClientName, clientName, StringComparison.Ordinal)
                || string.Equals(owner.Path, document.Path, StringComparison.Ordinal))
            {
                continue;
            }

            var diagnostic = new DiagnosticInfo(
                DiagnosticDescriptors.NameCollision.Id,
                new[] { "ClientName of", FileName(owner.Path), FileName(document.Path), clientName }.ToEquatableArray(),
                document.Path,
                0,
                0,
                0,
                0,
                0,
                0);
            var diagnostics = new List<DiagnosticInfo>(document.Diagnostics) { diagnostic };
            return document with { Diagnostics = diagnostics.ToEquatableArray(), HasErrors = true };
        }

        return document;
    }

    private static string FileName(string path) => System.IO.Path.GetFileName(path);
}
