using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>
/// Turns one spec file into a <see cref="DocumentModel"/>. Every problem in the spec becomes a diagnostic;
/// the parser throws only on cancellation.
/// </summary>
internal static class DocumentParser
{
    public static DocumentModel Parse(SpecInput input, CancellationToken cancellationToken)
    {
        var diagnostics = new DiagnosticBag(input.Path, input.Text.Length);
        var client = ParseClientName(input.ClientName);
        if (client is null)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidClientName, Mark.Empty, Mark.Empty, input.ClientName,
                "is not a valid dotted C# name");
            return Failed(input, null, diagnostics);
        }

        if (IsLibraryNamespace(client.Namespace))
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidClientName, Mark.Empty, Mark.Empty, input.ClientName,
                "puts the generated types in '" + client.Namespace + "', a namespace of the .NET libraries, where "
                + "they clash with existing types and namespaces such as System.Net.Http.Json (CS0436, CS0437)");
            return Failed(input, null, diagnostics);
        }

        var root = Load(input.Text, diagnostics);
        if (root is null || !CheckVersion(root, diagnostics))
        {
            return Failed(input, client, diagnostics);
        }

        var typeNames = new NameRegistry("type names", diagnostics);
        foreach (var generated in GeneratedTypeNames(client))
        {
            typeNames.Reserve(generated, "generated type " + generated);
        }

        var references = new ReferenceResolver(root, diagnostics);
        var schemas = new SchemaResolver(root, references, diagnostics, typeNames, cancellationToken);
        schemas.ResolveComponents();
        var operations = new OperationParser(root, client, references, schemas, diagnostics, cancellationToken).ParseAll();

        var info = root.GetMap("info");
        return new DocumentModel(
            input.Path,
            client,
            info.GetString("title"),
            info.GetString("description"),
            schemas.Types.ToEquatableArray(),
            operations.ToEquatableArray(),
            diagnostics.ToArray(),
            diagnostics.HasErrors);
    }

    /// <summary>Splits a ClientName such as "Contoso.Api.ContosoClient"; returns null when it is not valid.</summary>
    public static ClientInfo? ParseClientName(string clientName)
    {
        var parts = clientName.Trim().Split('.');
        if (parts.Length < 2)
        {
            return null;
        }

        foreach (var part in parts)
        {
            if (!Naming.IsIdentifier(part))
            {
                return null;
            }
        }

        var className = parts[parts.Length - 1];
        return new ClientInfo(string.Join(".", parts, 0, parts.Length - 1), className);
    }

    /// <summary>
    /// Tells whether a namespace lies under System or Microsoft. A generated type there can take the full name of a
    /// library namespace or type, and no global:: qualification can tell the two apart.
    /// </summary>
    private static bool IsLibraryNamespace(string name)
    {
        var root = name.Split('.')[0];
        return root is "System" or "Microsoft";
    }

    private static IEnumerable<string> GeneratedTypeNames(ClientInfo client)
    {
        yield return client.ClassName;
        yield return client.InterfaceName;
        yield return client.ExceptionName;
        yield return client.JsonName;
        yield return client.PaginationExtensionsName;
        yield return client.ServiceCollectionExtensionsName;
    }

    private static YamlMappingNode? Load(string text, DiagnosticBag diagnostics)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new BoundedParser(new Parser(new StringReader(text))));
        }
        catch (RejectedInputException exception)
        {
            diagnostics.Report(DiagnosticDescriptors.InvalidDocument, exception.Start, exception.End, exception.Problem);
            return null;
        }
        catch (YamlException exception)
        {
            // YamlDotNet reports every syntax problem, including duplicate keys, as a YamlException with marks.
            diagnostics.Report(DiagnosticDescriptors.SyntaxError, exception.Start, exception.End, SyntaxMessage(exception));
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var node = stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
            diagnostics.Report(DiagnosticDescriptors.InvalidDocument, node, "The document is not a YAML or JSON object");
            return null;
        }

        return root;
    }

    // YamlDotNet prefixes its messages with the marks; the diagnostic location carries them already.
    private static string SyntaxMessage(YamlException exception)
    {
        var message = exception.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return message.StartsWith("(", StringComparison.Ordinal) && separator > 0
            ? message.Substring(separator + 3)
            : message;
    }

    private static bool CheckVersion(YamlMappingNode root, DiagnosticBag diagnostics)
    {
        if (root.Get("openapi") is YamlScalarNode { Value: { } version } node)
        {
            if (version.StartsWith("3.0.", StringComparison.Ordinal) || version.StartsWith("3.1.", StringComparison.Ordinal)
                || version is "3.0" or "3.1")
            {
                return true;
            }

            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, node, "openapi: " + version);
            return false;
        }

        if (root.Get("swagger") is YamlScalarNode swagger)
        {
            diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, swagger, "swagger: " + swagger.Value);
            return false;
        }

        diagnostics.Report(DiagnosticDescriptors.UnsupportedVersion, root, "no 'openapi' field");
        return false;
    }

    private static DocumentModel Failed(SpecInput input, ClientInfo? client, DiagnosticBag diagnostics) => new(
        input.Path,
        client,
        null,
        null,
        EquatableArray<TypeModel>.Empty,
        EquatableArray<OperationModel>.Empty,
        diagnostics.ToArray(),
        true);
}
