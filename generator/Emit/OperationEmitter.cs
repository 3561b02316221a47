using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// Writes one operation: its interface method, its implementation, and the enumeration method when the
/// operation is paginated. Locals start with "__" because no parameter name derived from the spec does.
/// </summary>
internal sealed partial class OperationEmitter
{
    private const string Task = "global::System.Threading.Tasks.Task";
    private const string CancellationToken = "global::System.Threading.CancellationToken";

    private readonly SourceWriter _writer;
    private readonly TypeSyntax _syntax;
    private readonly ClientInfo _client;
    private readonly OperationModel _operation;

    public OperationEmitter(SourceWriter writer, TypeSyntax syntax, ClientInfo client, OperationModel operation)
    {
        _writer = writer;
        _syntax = syntax;
        _client = client;
        _operation = operation;
    }

    private string MethodName => _operation.Name + "Async";

    public void Emit()
    {
        _writer.Line("public partial interface " + _client.InterfaceName);
        _writer.OpenBlock();
        EmitDocumentation();
        _writer.Line(ReturnType() + " " + MethodName + "(" + string.Join(", ", Signature()) + ");");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("public partial class " + _client.ClassName);
        _writer.OpenBlock();
        _writer.Line("/// <inheritdoc />");
        _writer.Line("public async " + ReturnType() + " " + MethodName + "(" + string.Join(", ", Signature()) + ")");
        _writer.OpenBlock();
        EmitUri();
        EmitRequest();
        EmitResponse();
        _writer.CloseBlock();
        _writer.CloseBlock();
        if (_operation.Pagination is { } pagination)
        {
            _writer.Line();
            EmitPagination(pagination);
        }
    }

    private string ReturnType() => _operation.Response.Kind switch
    {
        ResponseKind.Json => Task + "<" + _syntax.Name(_operation.Response.Type!, _operation.Response.MayBeEmpty) + ">",
        ResponseKind.Text => Task + "<string>",
        ResponseKind.Bytes => Task + "<byte[]>",
        _ => Task,
    };

    /// <summary>Returns the parameter declarations: required ones, the body, optional ones, then the token.</summary>
    private List<string> Signature()
    {
        var declarations = new List<string>();
        foreach (var parameter in _operation.Parameters)
        {
            declarations.Add(parameter.Required
                ? _syntax.Name(parameter.Type) + " " + parameter.Name
                : _syntax.Name(parameter.Type, nullable: true) + " " + parameter.Name + " = null");
        }

        if (_operation.Body is { } body)
        {
            var declaration = BodyType(body) + (body.Required ? " body" : "? body = null");
            var requiredCount = 0;
            foreach (var parameter in _operation.Parameters)
            {
                requiredCount += parameter.Required ? 1 : 0;
            }

            declarations.Insert(requiredCount, declaration);
        }

        declarations.Add(CancellationToken + " cancellationToken = default");
        return declarations;
    }

    private string BodyType(BodyModel body) =>
        body.Kind == BodyKind.Raw ? "global::System.Net.Http.HttpContent" : _syntax.Name(body.Type!);

    private void EmitDocumentation()
    {
        var summary = _operation.Summary ?? _operation.Description;
        CSharp.Summary(_writer, summary, "Sends " + _operation.Method + " " + _operation.Path + ".");
        if (_operation.Summary is not null && !string.IsNullOrWhiteSpace(_operation.Description))
        {
            _writer.Line("/// <remarks>" + CSharp.XmlText(_operation.Description!) + "</remarks>");
        }

        if (_operation.Deprecated)
        {
            _writer.Line("/// <remarks>Deprecated: the API may remove this operation in a later version.</remarks>");
        }

        foreach (var parameter in _operation.Parameters)
        {
            var text = parameter.Description ?? "The " + parameter.Location.ToString().ToLowerInvariant() + " parameter '" + parameter.WireName + "'.";
            _writer.Line("/// <param name=\"" + parameter.Name.TrimStart('@') + "\">" + CSharp.XmlText(text) + "</param>");
        }

        if (_operation.Body is { } body)
        {
            var text = body.Description ?? "The request body, sent as " + body.MediaType + ".";
            _writer.Line("/// <param name=\"body\">" + CSharp.XmlText(text) + "</param>");
        }

        _writer.Line("/// <param name=\"cancellationToken\">Cancels the request.</param>");
        if (_operation.Response.Kind != ResponseKind.None)
        {
            var text = _operation.Response.Description ?? "The response body.";
            if (_operation.Response.MayBeEmpty)
            {
                text += " Null when the server sends a success status with an empty body, which the spec allows.";
            }

            _writer.Line("/// <returns>" + CSharp.XmlText(text) + "</returns>");
        }

        _writer.Line("/// <exception cref=\"" + _client.Qualify(_client.ExceptionName) + "\">The server returned a status outside 200-299.</exception>");
    }
}
