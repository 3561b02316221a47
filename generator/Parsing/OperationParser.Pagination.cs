using Pagecall.OpenApi.Generator.Model;
using YamlDotNet.RepresentationModel;

namespace Pagecall.OpenApi.Generator.Parsing;

internal sealed partial class OperationParser
{
    private const string PaginationKey = "x-pagination";

    /// <summary>
    /// Reads the x-pagination extension. Anything malformed is reported as PCG006 and no enumeration method
    /// is generated.
    /// </summary>
    private PaginationModel? ParsePagination(YamlMappingNode operation, OperationModel model)
    {
        var node = operation.Get(PaginationKey);
        if (node is null)
        {
            return null;
        }

        var pagination = node as YamlMappingNode;
        var offsetName = pagination.GetString("offsetParameter");
        var limitName = pagination.GetString("limitParameter");
        var itemsName = pagination.GetString("itemsProperty");
        var totalPath = pagination.GetString("totalProperty");
        if (offsetName is null || limitName is null || itemsName is null || totalPath is null)
        {
            return Malformed(node, model, "it needs offsetParameter, limitParameter, itemsProperty and totalProperty");
        }

        var offset = FindQueryParameter(model, offsetName);
        if (offset is null || offset.Type.Kind is not (ValueKind.Int32 or ValueKind.Int64))
        {
            return Malformed(pagination.Get("offsetParameter"), model, "'" + offsetName + "' is not an integer query parameter");
        }

        if (FindQueryParameter(model, limitName) is null)
        {
            return Malformed(pagination.Get("limitParameter"), model, "'" + limitName + "' is not a query parameter");
        }

        if (model.Response.Kind != ResponseKind.Json || ObjectType(model.Response.Type) is not { } page)
        {
            return Malformed(node, model, "the success response is not a JSON object");
        }

        var items = FindProperty(page, itemsName);
        if (items is null || items.Type.Kind != ValueKind.Array)
        {
            return Malformed(pagination.Get("itemsProperty"), model, "'" + itemsName + "' is not an array property of the response");
        }

        var segments = ResolveTotalPath(page, totalPath, out var totalIsLong);
        if (segments is null)
        {
            return Malformed(pagination.Get("totalProperty"), model, "'" + totalPath + "' is not an integer reached through object properties");
        }

        var methodName = model.Name + "AllAsync";
        if (!_methodNames.TryClaim(methodName, "the enumeration method of " + model.Name, node))
        {
            return null;
        }

        return new PaginationModel(
            methodName,
            offset.Name,
            items.Name,
            items.IsNullableInCSharp,
            items.Type.Item!,
            segments.ToEquatableArray(),
            totalIsLong);
    }

    private PaginationModel? Malformed(YamlNode? node, OperationModel model, string problem)
    {
        _diagnostics.Report(
            DiagnosticDescriptors.UnsupportedConstruct,
            node,
            "The x-pagination extension of '" + model.Name + "'",
            problem + ", so no enumeration method is generated.");
        return null;
    }

    private static ParameterModel? FindQueryParameter(OperationModel model, string wireName)
    {
        foreach (var parameter in model.Parameters)
        {
            if (parameter.Location == ParameterLocation.Query && parameter.WireName == wireName)
            {
                return parameter;
            }
        }

        return null;
    }

    private TypeModel? ObjectType(TypeRef? type) =>
        type is { Kind: ValueKind.Model } && _schemas.TryGetType(type.Name!, out var model) && model.Kind == TypeKind.Object
            ? model
            : null;

    private static PropertyModel? FindProperty(TypeModel type, string jsonName)
    {
        foreach (var property in type.Properties)
        {
            if (property.JsonName == jsonName)
            {
                return property;
            }
        }

        return null;
    }

    private System.Collections.Generic.List<PathSegment>? ResolveTotalPath(TypeModel page, string path, out bool isLong)
    {
        isLong = false;
        var segments = new System.Collections.Generic.List<PathSegment>();
        var current = page;
        var parts = path.Split('.');
        for (var i = 0; i < parts.Length; i++)
        {
            var property = current is null ? null : FindProperty(current, parts[i]);
            if (property is null)
            {
                return null;
            }

            segments.Add(new PathSegment(property.Name, property.IsNullableInCSharp));
            if (i == parts.Length - 1)
            {
                isLong = property.Type.Kind == ValueKind.Int64;
                return property.Type.Kind is ValueKind.Int32 or ValueKind.Int64 ? segments : null;
            }

            current = ObjectType(property.Type);
        }

        return null;
    }
}
