using System;
using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

internal sealed partial class OperationParser
{
    // The OpenAPI specification ignores these header parameters, because the HttpClient and the content set them.
    private static readonly string[] IgnoredHeaders = { "accept", "content-type", "authorization" };

    private List<ParameterModel> ParseParameters(string operationName, string path, YamlMappingNode pathItem, YamlMappingNode operation)
    {
        var names = new NameRegistry("parameters of '" + operationName + "Async'", _diagnostics);
        names.Reserve("cancellationToken", "the generated parameter cancellationToken");
        if (operation.Get("requestBody") is not null)
        {
            // Only an operation with a request body gets the generated parameter "body", so only then does a spec
            // parameter of that name collide with it.
            names.Reserve("body", "the generated parameter body");
        }

        var required = new List<ParameterModel>();
        var optional = new List<ParameterModel>();
        foreach (var node in MergeParameters(pathItem, operation))
        {
            if (ParseParameter(operationName, node) is not { } parameter
                || !names.TryClaim(parameter.Name, parameter.WireName, node))
            {
                continue;
            }

            (parameter.Required ? required : optional).Add(parameter);
        }

        required.AddRange(optional);
        CheckPathTemplate(path, operation, required);
        return required;
    }

    // Operation-level parameters replace path-level ones with the same name and location.
    private List<YamlMappingNode> MergeParameters(YamlMappingNode pathItem, YamlMappingNode operation)
    {
        var merged = new List<YamlMappingNode>();
        foreach (var source in new[] { pathItem, operation })
        {
            foreach (var item in source.GetSequence("parameters")?.Children ?? new List<YamlNode>())
            {
                if (_references.Follow(item) is not { } parameter)
                {
                    continue;
                }

                merged.RemoveAll(existing => existing.GetString("name") == parameter.GetString("name")
                    && existing.GetString("in") == parameter.GetString("in"));
                merged.Add(parameter);
            }
        }

        return merged;
    }

    private ParameterModel? ParseParameter(string operationName, YamlMappingNode node)
    {
        var wireName = node.GetString("name");
        var location = node.GetString("in");
        if (wireName is null || location is null)
        {
            _diagnostics.Report(DiagnosticDescriptors.InvalidDocument, node, "A parameter needs both 'name' and 'in'");
            return null;
        }

        ParameterLocation kind;
        switch (location)
        {
            case "path":
                kind = ParameterLocation.Path;
                break;
            case "query":
                kind = ParameterLocation.Query;
                break;
            case "header":
                if (Array.IndexOf(IgnoredHeaders, wireName.ToLowerInvariant()) >= 0)
                {
                    return null;
                }

                if (UnsendableHeaderProblem(wireName) is { } problem)
                {
                    _diagnostics.Report(
                        DiagnosticDescriptors.UnsupportedConstruct,
                        node.Get("name"),
                        "The header parameter '" + wireName + "'",
                        problem + ", so HttpRequestHeaders.TryAddWithoutValidation would drop it. The method leaves it out.");
                    return null;
                }

                kind = ParameterLocation.Header;
                break;
            case "cookie":
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    node.Get("in"),
                    "The cookie parameter '" + wireName + "'",
                    "it is not sent. Set the Cookie header on the HttpClient instead.");
                return null;
            default:
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidDocument,
                    node.Get("in"),
                    "The parameter location '" + location + "' is not one of path, query, header or cookie");
                return null;
        }

        var type = ParameterType(operationName, wireName, node);
        return new ParameterModel(
            wireName,
            Naming.ToParameterName(wireName),
            kind,
            type,
            kind == ParameterLocation.Path || node.GetBool("required"),
            IsExploded(node, kind, wireName),
            node.GetString("description"),
            node.GetBool("deprecated"));
    }

    // Request headers reject names that are not RFC 9110 tokens and the headers that belong to the content.
    private static readonly string[] ContentHeaders =
    {
        "allow", "content-disposition", "content-encoding", "content-language", "content-length", "content-location",
        "content-md5", "content-range", "expires", "last-modified",
    };

    private static string? UnsendableHeaderProblem(string name)
    {
        if (name.Length == 0)
        {
            return "an empty name is not a valid header name";
        }

        foreach (var c in name)
        {
            var isToken = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
            if (!isToken)
            {
                return "the name contains '" + c + "', which HTTP header names cannot contain";
            }
        }

        return Array.IndexOf(ContentHeaders, name.ToLowerInvariant()) >= 0
            ? "it is a content header, which the generated code does not set on the request body"
            : null;
    }

    private TypeRef ParameterType(string operationName, string wireName, YamlMappingNode node)
    {
        var schema = node.Get("schema") ?? FirstJsonMedia(node.GetMap("content"), out _)?.Get("schema");
        var type = _schemas.Resolve(schema, operationName + Naming.ToPascalCase(wireName)).Type;
        var item = type.Kind == ValueKind.Array ? type.Item! : type;
        if (item.Kind is ValueKind.Model or ValueKind.Map or ValueKind.Array)
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                schema ?? node,
                "The object-valued parameter '" + wireName + "'",
                "it is typed as string, so format the value yourself.");
            return TypeRef.String;
        }

        return type;
    }

    private bool IsExploded(YamlMappingNode node, ParameterLocation location, string wireName)
    {
        var style = node.GetString("style");
        if (location == ParameterLocation.Query && style is not null and not "form")
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                node.Get("style"),
                "The query parameter style '" + style + "' of '" + wireName + "'",
                "the parameter is sent in style 'form'.");
        }

        if (node.Get("explode") is YamlScalarNode { Value: { } explode })
        {
            return explode is "true" or "True";
        }

        return location == ParameterLocation.Query;
    }

    private void CheckPathTemplate(string path, YamlMappingNode operation, List<ParameterModel> parameters)
    {
        var start = path.IndexOf('{');
        while (start >= 0)
        {
            var end = path.IndexOf('}', start);
            if (end < 0)
            {
                break;
            }

            var name = path.Substring(start + 1, end - start - 1);
            if (!parameters.Exists(p => p.Location == ParameterLocation.Path && p.WireName == name))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.InvalidDocument,
                    operation,
                    "The path '" + path + "' uses the parameter '" + name + "', which the operation does not declare");
            }

            start = path.IndexOf('{', end);
        }

        foreach (var parameter in parameters)
        {
            if (parameter.Location == ParameterLocation.Path && path.IndexOf("{" + parameter.WireName + "}", StringComparison.Ordinal) < 0)
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    operation,
                    "The path parameter '" + parameter.WireName + "', which the path '" + path + "' does not use,",
                    "the method takes it but does not send it.");
            }
        }
    }
}
