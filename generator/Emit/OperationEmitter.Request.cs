using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

internal sealed partial class OperationEmitter
{
    private void EmitUri()
    {
        _writer.Line("var __uri = new global::System.Text.StringBuilder();");
        var path = _operation.Path.TrimStart('/');

        // A relative URI whose first segment has a ':', such as "users:batchGet", reads as scheme "users", so
        // new Uri(..., UriKind.Relative) throws. The "./" prefix keeps it relative and resolves away.
        var slash = path.IndexOf('/');
        var firstSegment = slash < 0 ? path : path.Substring(0, slash);
        if (firstSegment.IndexOf(':') >= 0)
        {
            path = "./" + path;
        }

        var position = 0;
        while (position < path.Length)
        {
            var open = path.IndexOf('{', position);
            var close = open < 0 ? -1 : path.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                _writer.Line("__uri.Append(" + CSharp.Literal(path.Substring(position)) + ");");
                break;
            }

            if (open > position)
            {
                _writer.Line("__uri.Append(" + CSharp.Literal(path.Substring(position, open - position)) + ");");
            }

            var parameter = FindPathParameter(path.Substring(open + 1, close - open - 1));
            if (parameter is not null)
            {
                _writer.Line(_syntax.Json + ".AppendPath(__uri, " + JoinedValue(parameter) + ");");
            }

            position = close + 1;
        }

        EmitQuery();
    }

    private ParameterModel? FindPathParameter(string wireName)
    {
        foreach (var parameter in _operation.Parameters)
        {
            if (parameter.Location == ParameterLocation.Path && parameter.WireName == wireName)
            {
                return parameter;
            }
        }

        return null;
    }

    private void EmitQuery()
    {
        var query = _operation.Parameters.Where(p => p.Location == ParameterLocation.Query);
        if (query.Count == 0)
        {
            return;
        }

        _writer.Line("var __hasQuery = false;");
        foreach (var parameter in query)
        {
            var name = CSharp.Literal(parameter.WireName);
            OpenIfPresent(parameter.Required, parameter.Name);
            if (parameter.Type.Kind == ValueKind.Array && parameter.Explode)
            {
                _writer.Line("foreach (var __item in " + parameter.Name + ")");
                _writer.OpenBlock();
                _writer.Line(_syntax.Json + ".AppendQuery(__uri, ref __hasQuery, " + name + ", " + _syntax.FormatCall(parameter.Type.Item!, "__item") + ");");
                _writer.CloseBlock();
            }
            else
            {
                _writer.Line(_syntax.Json + ".AppendQuery(__uri, ref __hasQuery, " + name + ", " + JoinedValue(parameter) + ");");
            }

            CloseIfPresent(parameter.Required);
        }
    }

    // Arrays in paths, headers and unexploded query parameters are comma-separated.
    private string JoinedValue(ParameterModel parameter)
    {
        var value = !parameter.Required && parameter.Type.IsValueType ? parameter.Name + ".Value" : parameter.Name;
        if (parameter.Type.Kind != ValueKind.Array)
        {
            return _syntax.FormatCall(parameter.Type, value);
        }

        var item = parameter.Type.Item!;
        return "string.Join(\",\", global::System.Linq.Enumerable.Select(" + value + ", static (" + _syntax.Name(item)
            + " __item) => " + _syntax.FormatCall(item, "__item") + "))";
    }

    private void OpenIfPresent(bool required, string name)
    {
        if (!required)
        {
            _writer.Line("if (" + name + " is not null)");
            _writer.OpenBlock();
        }
    }

    private void CloseIfPresent(bool required)
    {
        if (!required)
        {
            _writer.CloseBlock();
        }
    }

    private void EmitRequest()
    {
        _writer.Line();
        _writer.Line("using var __request = new global::System.Net.Http.HttpRequestMessage(new global::System.Net.Http.HttpMethod("
            + CSharp.Literal(_operation.Method) + "), new global::System.Uri(__uri.ToString(), global::System.UriKind.Relative));");
        foreach (var parameter in _operation.Parameters.Where(p => p.Location == ParameterLocation.Header))
        {
            OpenIfPresent(parameter.Required, parameter.Name);
            _writer.Line("__request.Headers.TryAddWithoutValidation(" + CSharp.Literal(parameter.WireName) + ", " + JoinedValue(parameter) + ");");
            CloseIfPresent(parameter.Required);
        }

        if (_operation.Body is { } body)
        {
            OpenIfPresent(body.Required, "body");
            EmitBody(body);
            CloseIfPresent(body.Required);
        }
    }

    private void EmitBody(BodyModel body)
    {
        switch (body.Kind)
        {
            case BodyKind.Json:
                var value = !body.Required && body.Type!.IsValueType ? "body.Value" : "body";
                _writer.Line("__request.Content = " + _syntax.Json + ".CreateJsonContent<" + _syntax.Name(body.Type!) + ">(" + value + ", "
                    + _syntax.WriteFunction(body.Type!) + ");");
                break;
            case BodyKind.Form:
                EmitForm(body);
                break;
            default:
                _writer.Line("__request.Content = body;");
                break;
        }
    }

    private void EmitForm(BodyModel body)
    {
        const string Pair = "global::System.Collections.Generic.KeyValuePair<string, string>";
        _writer.Line("var __form = new global::System.Collections.Generic.List<" + Pair + ">();");
        foreach (var field in body.FormFields)
        {
            var access = "body." + field.Name;
            var name = CSharp.Literal(field.JsonName);
            OpenIfPresent(!field.IsNullableInCSharp, access);
            var value = field.IsNullableInCSharp && field.Type.IsValueType ? access + ".Value" : access;
            if (field.Type.Kind == ValueKind.Array)
            {
                _writer.Line("foreach (var __item in " + value + ")");
                _writer.OpenBlock();
                _writer.Line("__form.Add(new " + Pair + "(" + name + ", " + _syntax.FormatCall(field.Type.Item!, "__item") + "));");
                _writer.CloseBlock();
            }
            else
            {
                _writer.Line("__form.Add(new " + Pair + "(" + name + ", " + _syntax.FormatCall(field.Type, value) + "));");
            }

            CloseIfPresent(!field.IsNullableInCSharp);
        }

        _writer.Line("__request.Content = new global::System.Net.Http.FormUrlEncodedContent(__form);");
    }

    private void EmitResponse()
    {
        _writer.Line();
        _writer.Line("using var __response = await " + ClientEmitter.SendMethod + "(__request, cancellationToken).ConfigureAwait(false);");
        _writer.Line("if (!__response.IsSuccessStatusCode)");
        _writer.OpenBlock();
        _writer.Line("throw await " + _syntax.Json + ".CreateExceptionAsync(__response, " + CSharp.Literal(_operation.Method) + ", "
            + CSharp.Literal(_operation.Path) + ", " + ErrorParser() + ", cancellationToken).ConfigureAwait(false);");
        _writer.CloseBlock();
        switch (_operation.Response.Kind)
        {
            case ResponseKind.Json when _operation.Response.MayBeEmpty:
                EmitOptionalJsonResponse(_operation.Response.Type!);
                break;
            case ResponseKind.Json:
                var type = _operation.Response.Type!;
                _writer.Line();
                _writer.Line("return await " + _syntax.Json + ".ReadJsonAsync<" + _syntax.Name(type) + ">(__response, "
                    + _syntax.ReadFunction(type) + ", cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Text:
                _writer.Line();
                _writer.Line("return await __response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);");
                break;
            case ResponseKind.Bytes:
                _writer.Line();
                _writer.Line("return await __response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);");
                break;
        }
    }

    // The spec also declares a success status without content (such as 204), so an empty body is a valid response.
    private void EmitOptionalJsonResponse(TypeRef type)
    {
        _writer.Line();
        _writer.Line("var __body = await __response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);");
        _writer.Line("if (__body.Length == 0)");
        _writer.OpenBlock();
        _writer.Line("return null;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("return " + _syntax.Json + ".ReadBytes<" + _syntax.Name(type) + ">(__body, " + _syntax.ReadFunction(type) + ");");
    }

    // A lambda from (status, body) to the parsed error object, choosing the schema the spec declares for the status.
    // Statuses with the same schema share an arm; exact codes come before ranges, and "default" comes last.
    private string ErrorParser()
    {
        if (_operation.Errors.Count == 0)
        {
            return "null";
        }

        var patterns = new List<List<string>>();
        var types = new List<TypeRef>();
        var exact = new List<bool>();
        string? fallback = null;
        foreach (var error in _operation.Errors)
        {
            if (error.Status == "default")
            {
                fallback = ParseErrorCall(error.Type);
                continue;
            }

            var isExact = error.Status is not ("4XX" or "5XX");
            var pattern = error.Status switch
            {
                "4XX" => ">= 400 and <= 499",
                "5XX" => ">= 500 and <= 599",
                _ => error.Status,
            };
            var group = types.FindIndex(t => t == error.Type);
            if (group >= 0 && exact[group] == isExact)
            {
                patterns[group].Add(pattern);
                continue;
            }

            patterns.Add(new List<string> { pattern });
            types.Add(error.Type);
            exact.Add(isExact);
        }

        var arms = new List<string>();
        for (var i = 0; i < types.Count; i++)
        {
            arms.Add(string.Join(" or ", patterns[i]) + " => " + ParseErrorCall(types[i]));
        }

        arms.Add("_ => " + (fallback ?? "null"));
        return "static (int __status, string __body) => __status switch { " + string.Join(", ", arms) + " }";
    }

    private string ParseErrorCall(TypeRef type) =>
        _syntax.Json + ".ParseOrNull<" + _syntax.Name(type) + ">(__body, " + _syntax.ReadFunction(type) + ")";
}

internal static class EquatableArrayQueries
{
    public static List<T> Where<T>(this EquatableArray<T> items, System.Func<T, bool> predicate)
        where T : System.IEquatable<T>
    {
        var result = new List<T>();
        foreach (var item in items)
        {
            if (predicate(item))
            {
                result.Add(item);
            }
        }

        return result;
    }
}
