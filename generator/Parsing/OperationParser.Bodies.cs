using System;
using System.Collections.Generic;
using System.Globalization;
using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

internal sealed partial class OperationParser
{
    private const string FormMediaType = "application/x-www-form-urlencoded";

    private BodyModel? ParseBody(YamlMappingNode operation, string operationName)
    {
        if (_references.Follow(operation.Get("requestBody")) is not { } body
            || body.GetMap("content") is not { Children.Count: > 0 } content)
        {
            return null;
        }

        var required = body.GetBool("required");
        var description = body.GetString("description");
        if (FirstJsonMedia(content, out var jsonType) is { } json)
        {
            var type = ResolveContentSchema(json, operationName + "Request");
            return new BodyModel(BodyKind.Json, jsonType, type, required, description, EquatableArray<PropertyModel>.Empty);
        }

        if (content.GetMap(FormMediaType) is { } form)
        {
            var type = ResolveContentSchema(form, operationName + "Request");
            if (type.Kind == ValueKind.Model && _schemas.TryGetType(type.Name!, out var model) && model.Kind == TypeKind.Object)
            {
                return new BodyModel(BodyKind.Form, FormMediaType, type, required, description, model.Properties);
            }

            ReportRawBody(content.Get(FormMediaType), "A form body that is not an object");
            return new BodyModel(BodyKind.Raw, FormMediaType, null, required, description, EquatableArray<PropertyModel>.Empty);
        }

        var first = content.Entries().GetEnumerator();
        first.MoveNext();
        var mediaType = first.Current.Key.Value!;
        ReportRawBody(first.Current.Key, "The request media type '" + mediaType + "'");
        return new BodyModel(BodyKind.Raw, mediaType, null, required, description, EquatableArray<PropertyModel>.Empty);
    }

    private void ReportRawBody(YamlNode? node, string construct) => _diagnostics.Report(
        DiagnosticDescriptors.UnsupportedConstruct,
        node,
        construct,
        "the method takes the body as an HttpContent, which the caller builds.");

    private TypeRef ResolveContentSchema(YamlMappingNode media, string context) =>
        media.Get("schema") is { } schema ? _schemas.Resolve(schema, context).Type : TypeRef.Any;

    private ResponseModel ParseSuccessResponse(YamlMappingNode operation, string operationName)
    {
        YamlNode? chosen = null;
        var chosenCode = int.MaxValue;
        var hasEmptySuccess = false;
        foreach (var entry in operation.GetMap("responses").Entries())
        {
            var code = SuccessRank(entry.Key.Value!);
            if (code == int.MaxValue)
            {
                continue;
            }

            if (_references.Follow(entry.Value)?.GetMap("content") is not { Children.Count: > 0 })
            {
                hasEmptySuccess = true;
            }

            if (code < chosenCode)
            {
                chosen = entry.Value;
                chosenCode = code;
            }
        }

        if (_references.Follow(chosen) is not { } response)
        {
            return new ResponseModel(ResponseKind.None, null, null);
        }

        var description = response.GetString("description");
        var content = response.GetMap("content");
        if (content is not { Children.Count: > 0 })
        {
            return new ResponseModel(ResponseKind.None, null, description);
        }

        if (FirstJsonMedia(content, out _) is { } json)
        {
            var type = ResolveContentSchema(json, operationName + "Response");
            return new ResponseModel(ResponseKind.Json, type, description, hasEmptySuccess);
        }

        var first = content.Entries().GetEnumerator();
        first.MoveNext();
        var mediaType = first.Current.Key.Value!.ToLowerInvariant();
        if (mediaType.Contains("xml"))
        {
            _diagnostics.Report(
                DiagnosticDescriptors.UnsupportedConstruct,
                first.Current.Key,
                "The XML response of '" + operationName + "'",
                "the method returns the body as a string.");
            return new ResponseModel(ResponseKind.Text, null, description);
        }

        var kind = mediaType.StartsWith("text/", StringComparison.Ordinal) ? ResponseKind.Text : ResponseKind.Bytes;
        return new ResponseModel(kind, null, description);
    }

    // 200-299 rank by code, then "2XX"; anything else is not a success response.
    private static int SuccessRank(string status)
    {
        if (status.Length == 3 && status[0] == '2' && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out var code))
        {
            return code;
        }

        return status is "2XX" or "2xx" ? 300 : int.MaxValue;
    }

    private List<ErrorResponseModel> ParseErrorResponses(YamlMappingNode operation, string operationName)
    {
        var numbered = new List<ErrorResponseModel>();
        var ranges = new List<ErrorResponseModel>();
        ErrorResponseModel? fallback = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in operation.GetMap("responses").Entries())
        {
            var status = entry.Key.Value!.ToUpperInvariant();
            var isRange = status is "4XX" or "5XX";
            var isNumber = status.Length == 3 && (status[0] == '4' || status[0] == '5')
                && int.TryParse(status, NumberStyles.None, CultureInfo.InvariantCulture, out _);
            if (!isRange && !isNumber && status != "DEFAULT")
            {
                continue;
            }

            // "4XX" and "4xx" are different YAML keys for one range; two switch arms for it would not compile (CS8510).
            if (!seen.Add(status))
            {
                _diagnostics.Report(
                    DiagnosticDescriptors.UnsupportedConstruct,
                    entry.Key,
                    "A second response for the status '" + entry.Key.Value + "' of '" + operationName + "'",
                    "only the first one is used to parse error bodies.");
                continue;
            }

            var content = _references.Follow(entry.Value)?.GetMap("content");
            if (FirstJsonMedia(content, out _) is not { } json || json.Get("schema") is null)
            {
                continue;
            }

            var suffix = status == "DEFAULT" ? "Default" : status;
            var type = ResolveContentSchema(json, operationName + "Error" + suffix);
            var model = new ErrorResponseModel(status == "DEFAULT" ? "default" : status, type);
            if (isNumber)
            {
                numbered.Add(model);
            }
            else if (isRange)
            {
                ranges.Add(model);
            }
            else
            {
                fallback = model;
            }
        }

        numbered.Sort((left, right) => string.CompareOrdinal(left.Status, right.Status));
        ranges.Sort((left, right) => string.CompareOrdinal(left.Status, right.Status));
        numbered.AddRange(ranges);
        if (fallback is not null)
        {
            numbered.Add(fallback);
        }

        return numbered;
    }
}
