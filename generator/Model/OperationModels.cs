namespace Pagecall.OpenApi.Generator.Model;

internal enum ParameterLocation
{
    Path,
    Query,
    Header,
}

/// <summary>A method parameter: the wire name, the escaped C# parameter name and how it is sent.</summary>
internal sealed record ParameterModel(
    string WireName,
    string Name,
    ParameterLocation Location,
    TypeRef Type,
    bool Required,
    bool Explode,
    string? Description,
    bool Deprecated);

internal enum BodyKind
{
    Json,
    Form,

    /// <summary>A media type the generator cannot encode; the method takes an HttpContent.</summary>
    Raw,
}

internal sealed record BodyModel(
    BodyKind Kind,
    string MediaType,
    TypeRef? Type,
    bool Required,
    string? Description,
    EquatableArray<PropertyModel> FormFields);

internal enum ResponseKind
{
    None,
    Json,
    Text,
    Bytes,
}

/// <summary>
/// The success response the method returns. MayBeEmpty is set when the spec also declares a success status without
/// content, so a JSON method returns null for an empty body.
/// </summary>
internal sealed record ResponseModel(ResponseKind Kind, TypeRef? Type, string? Description, bool MayBeEmpty = false);

/// <summary>A declared error response with a JSON schema. Status is "404", "4XX" or "default".</summary>
internal sealed record ErrorResponseModel(string Status, TypeRef Type);

/// <summary>One step of the dotted path to the total count; Nullable means the value may be absent.</summary>
internal sealed record PathSegment(string Name, bool Nullable);

internal sealed record PaginationModel(
    string MethodName,
    string OffsetParameter,
    string ItemsProperty,
    bool ItemsNullable,
    TypeRef ItemType,
    EquatableArray<PathSegment> TotalPath,
    bool TotalIsLong);

internal sealed record OperationModel(
    string Name,
    string Method,
    string Path,
    string? Summary,
    string? Description,
    bool Deprecated,
    EquatableArray<ParameterModel> Parameters,
    BodyModel? Body,
    ResponseModel Response,
    EquatableArray<ErrorResponseModel> Errors,
    PaginationModel? Pagination);
