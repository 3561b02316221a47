namespace Pagecall.OpenApi.Generator.Model;

/// <summary>An opted-in spec file: its path, its text and the raw ClientName metadata.</summary>
internal sealed record SpecInput(string Path, string Text, string ClientName);

/// <summary>The names of the types generated once per spec, all in <see cref="Namespace"/>.</summary>
internal sealed record ClientInfo(string Namespace, string ClassName)
{
    public string InterfaceName => "I" + ClassName;

    public string ExceptionName => ClassName + "ApiException";

    public string JsonName => ClassName + "Json";

    public string PaginationExtensionsName => ClassName + "PaginationExtensions";

    public string ServiceCollectionExtensionsName => ClassName + "ServiceCollectionExtensions";

    /// <summary>Returns the global-qualified name of a type generated in the client namespace.</summary>
    public string Qualify(string typeName) => "global::" + Namespace + "." + typeName;
}

/// <summary>The parsed document: generated types, operations and every diagnostic found on the way.</summary>
internal sealed record DocumentModel(
    string Path,
    ClientInfo? Client,
    string? Title,
    string? Description,
    EquatableArray<TypeModel> Types,
    EquatableArray<OperationModel> Operations,
    EquatableArray<DiagnosticInfo> Diagnostics,
    bool HasErrors);

internal enum SourceFileKind
{
    Model,
    Client,
    Operation,
    Support,
    Exception,
    ServiceCollection,
}

/// <summary>Everything one generated file needs, so each file re-emits only when its own inputs change.</summary>
internal sealed record SourceFileModel(
    string HintName,
    SourceFileKind Kind,
    ClientInfo Client,
    string? Title,
    string? Description,
    TypeModel? Type,
    OperationModel? Operation);
