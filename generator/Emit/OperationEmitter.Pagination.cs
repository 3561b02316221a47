using System.Collections.Generic;
using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

internal sealed partial class OperationEmitter
{
    /// <summary>
    /// Writes an extension method that walks the offset/limit pages and yields every item. It stops at an
    /// empty page or when the offset reaches the reported total, and throws when the count read does not
    /// match the total, so an incomplete read never looks complete.
    /// </summary>
    private void EmitPagination(PaginationModel pagination)
    {
        var itemType = _syntax.Name(pagination.ItemType);
        var offset = FindParameter(pagination.OffsetParameter)!;
        var offsetType = _syntax.Name(offset.Type);
        _writer.Line("public static partial class " + _client.PaginationExtensionsName);
        _writer.OpenBlock();
        _writer.Line("/// <summary>Enumerates every item of " + MethodName + ", requesting one page after another.</summary>");
        _writer.Line("/// <remarks>The enumeration throws <see cref=\"global::System.InvalidOperationException\"/> when the items read do not add up to the total the server reports.</remarks>");
        _writer.Line("/// <param name=\"client\">The client.</param>");
        var arguments = new List<string>();
        var declarations = new List<string> { "this " + _client.Qualify(_client.InterfaceName) + " client" };
        foreach (var declaration in Signature())
        {
            var name = ParameterNameOf(declaration);
            if (name == offset.Name || name == "cancellationToken")
            {
                continue;
            }

            declarations.Add(declaration);
            arguments.Add(name + ": " + name);
            _writer.Line("/// <param name=\"" + name.TrimStart('@') + "\">Passed to " + MethodName + " for every page.</param>");
        }

        _writer.Line("/// <param name=\"cancellationToken\">Cancels the enumeration.</param>");
        _writer.Line("/// <returns>The items of all pages, in order.</returns>");
        declarations.Add("[global::System.Runtime.CompilerServices.EnumeratorCancellation] " + CancellationToken + " cancellationToken = default");
        arguments.Add(offset.Name + ": __offset");
        arguments.Add("cancellationToken: cancellationToken");
        _writer.Line("public static async global::System.Collections.Generic.IAsyncEnumerable<" + itemType + "> " + pagination.MethodName
            + "(" + string.Join(", ", declarations) + ")");
        _writer.OpenBlock();
        _writer.Line("if (client is null)");
        _writer.OpenBlock();
        _writer.Line("throw new global::System.ArgumentNullException(nameof(client));");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line(offsetType + " __offset = 0;");
        _writer.Line("long __seen = 0;");
        _writer.Line("long? __total = null;");
        _writer.Line("while (true)");
        _writer.OpenBlock();
        _writer.Line("var __page = await client." + MethodName + "(" + string.Join(", ", arguments) + ").ConfigureAwait(false);");
        if (_operation.Response.MayBeEmpty)
        {
            _writer.Line("if (__page is null)");
            _writer.OpenBlock();
            _writer.Line("break;");
            _writer.CloseBlock();
            _writer.Line();
        }

        _writer.Line("__total = " + TotalExpression(pagination) + ";");
        _writer.Line("var __items = __page." + pagination.ItemsProperty + ";");
        _writer.Line("if (__items is null || __items.Count == 0)");
        _writer.OpenBlock();
        _writer.Line("break;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("foreach (var __item in __items)");
        _writer.OpenBlock();
        _writer.Line("yield return __item;");
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("__seen += __items.Count;");
        _writer.Line("__offset = checked((" + offsetType + ")(__offset + __items.Count));");
        _writer.Line("if (__total is not null && __offset >= __total)");
        _writer.OpenBlock();
        _writer.Line("break;");
        _writer.CloseBlock();
        _writer.CloseBlock();
        _writer.Line();
        _writer.Line("if (__total is not null && __seen != __total)");
        _writer.OpenBlock();
        _writer.Line("throw new global::System.InvalidOperationException(" + CSharp.Literal(MethodName + " returned ")
            + " + __seen.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "
            + CSharp.Literal(" items but the server reported a total of ")
            + " + __total.Value.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + "
            + CSharp.Literal(". The list changed during the enumeration or a page was lost; enumerate again.") + ");");
        _writer.CloseBlock();
        _writer.CloseBlock();
        _writer.CloseBlock();
    }

    private ParameterModel? FindParameter(string name)
    {
        foreach (var parameter in _operation.Parameters)
        {
            if (parameter.Name == name)
            {
                return parameter;
            }
        }

        return null;
    }

    private static string ParameterNameOf(string declaration)
    {
        var end = declaration.IndexOf(" = ", System.StringComparison.Ordinal);
        var withoutDefault = end >= 0 ? declaration.Substring(0, end) : declaration;
        return withoutDefault.Substring(withoutDefault.LastIndexOf(' ') + 1);
    }

    // "__page.Paging?.Total": each step after a property that may be null uses '?.'.
    private static string TotalExpression(PaginationModel pagination)
    {
        var expression = "__page";
        var previousNullable = false;
        foreach (var segment in pagination.TotalPath)
        {
            expression += (previousNullable ? "?." : ".") + segment.Name;
            previousNullable = segment.Nullable;
        }

        return "(long?)" + expression;
    }
}
