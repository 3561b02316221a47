using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>Builds one <see cref="OperationModel"/> per path and method.</summary>
internal sealed partial class OperationParser
{
    private static readonly string[] Methods = { "get", "put", "post", "delete", "options", "head", "patch", "trace" };

    private readonly YamlMappingNode _root;
    private readonly ReferenceResolver _references;
    private readonly SchemaResolver _schemas;
    private readonly DiagnosticBag _diagnostics;
    private readonly CancellationToken _cancellationToken;
    private readonly NameRegistry _methodNames;

    public OperationParser(
        YamlMappingNode root,
        ClientInfo client,
        ReferenceResolver references,
        SchemaResolver schemas,
        DiagnosticBag diagnostics,
        CancellationToken cancellationToken)
    {
        _root = root;
        _references = references;
        _schemas = schemas;
        _diagnostics = diagnostics;
        _cancellationToken = cancellationToken;
        _methodNames = new NameRegistry("operations", diagnostics);
        _methodNames.Reserve(Emit.ClientEmitter.SendMethod, "the generated method " + Emit.ClientEmitter.SendMethod);

        // A method may not have the name of its enclosing type (CS0542), as with ClientName A.FooAsync and
        // operationId foo.
        _methodNames.Reserve(client.ClassName, "the client class " + client.ClassName);
        _methodNames.Reserve(client.InterfaceName, "the client interface " + client.InterfaceName);
    }

    public List<OperationModel> ParseAll()
    {
        var operations = new List<OperationModel>();
        var paths = _root.Get("paths");
        if (paths is not null and not YamlMappingNode)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidDocument, paths, "'paths' must be an object");
        }

        foreach (var pathEntry in (paths as YamlMappingNode).Entries())
        {
            if (_references.Follow(pathEntry.Value) is not { } pathItem)
            {
                continue;
            }

            foreach (var methodEntry in pathItem.Entries())
            {
                _cancellationToken.ThrowIfCancellationRequested();
                var method = methodEntry.Key.Value!;
                if (Array.IndexOf(Methods, method) >= 0 && methodEntry.Value is YamlMappingNode operation
                    && ParseOperation(pathEntry.Key.Value!, methodEntry.Key, operation, pathItem) is { } model)
                {
                    operations.Add(model);
                }
            }
        }

        operations.Sort((left, right) => string.CompareOrdinal(left.Name, right.Name));
        return operations;
    }

    private OperationModel? ParseOperation(string path, YamlScalarNode methodNode, YamlMappingNode operation, YamlMappingNode pathItem)
    {
        var method = methodNode.Value!.ToUpperInvariant();
        var operationId = operation.GetString("operationId");
        string name;
        if (string.IsNullOrWhiteSpace(operationId))
        {
            name = FallbackName(method, path);
            _diagnostics.Report(DiagnosticDescriptors.MissingOperationId, methodNode, method, path, name + "Async");
        }
        else
        {
            name = Naming.ToPascalCase(operationId!);
        }

        if (!_methodNames.TryClaim(name + "Async", operationId ?? method + " " + path, operation.Get("operationId") ?? methodNode))
        {
            return null;
        }

        var parameters = ParseParameters(name, path, pathItem, operation);
        var body = ParseBody(operation, name);
        var response = ParseSuccessResponse(operation, name);
        var errors = ParseErrorResponses(operation, name);
        var model = new OperationModel(
            name,
            method,
            path,
            operation.GetString("summary"),
            operation.GetString("description"),
            operation.GetBool("deprecated"),
            parameters.ToEquatableArray(),
            body,
            response,
            errors.ToEquatableArray(),
            null);
        return model with { Pagination = ParsePagination(operation, model) };
    }

    /// <summary>
    /// Names an operation without an operationId: the method, then each path segment in PascalCase, with
    /// "By" before each path parameter. GET /users/{user_id} becomes "GetUsersByUserId".
    /// </summary>
    public static string FallbackName(string method, string path)
    {
        var builder = new StringBuilder(Naming.ToPascalCase(method.ToLowerInvariant()));
        foreach (var segment in path.Split(new[] { '/' }, StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment.StartsWith("{", StringComparison.Ordinal) && segment.EndsWith("}", StringComparison.Ordinal))
            {
                builder.Append("By").Append(Naming.ToPascalCase(segment.Substring(1, segment.Length - 2)));
            }
            else
            {
                builder.Append(Naming.ToPascalCase(segment));
            }
        }

        return builder.ToString();
    }

    private static bool IsJson(string mediaType)
    {
        var type = mediaType.ToLowerInvariant();
        var separator = type.IndexOf(';');
        if (separator >= 0)
        {
            type = type.Substring(0, separator).Trim();
        }

        return type == "application/json" || type.EndsWith("+json", StringComparison.Ordinal) || type == "*/*"
            || type == "text/json";
    }

    private static YamlMappingNode? FirstJsonMedia(YamlMappingNode? content, out string mediaType)
    {
        foreach (var entry in content.Entries())
        {
            if (IsJson(entry.Key.Value!))
            {
                mediaType = entry.Key.Value!;
                return entry.Value as YamlMappingNode ?? new YamlMappingNode();
            }
        }

        mediaType = "";
        return null;
    }
}
