using Pagecall.OpenApi.Generator.Model;

namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>Writes the parts of the client that do not depend on single operations.</summary>
internal static class ClientEmitter
{
    public const string SendMethod = "SendRequestAsync";

    private const string TokenProvider =
        "global::System.Func<global::System.Threading.CancellationToken, global::System.Threading.Tasks.ValueTask<string?>>";

    public static void EmitClient(SourceWriter writer, ClientInfo client, string? title, string? description)
    {
        var summary = string.IsNullOrWhiteSpace(title) ? "The API" : title!;
        CSharp.Summary(writer, description, summary + ".");
        writer.Line("public partial interface " + client.InterfaceName);
        writer.OpenBlock();
        writer.CloseBlock();
        writer.Line();
        CSharp.Summary(writer, description, summary + ".");
        writer.Line("/// <remarks>");
        writer.Line("/// Requests go to paths relative to the <see cref=\"global::System.Net.Http.HttpClient.BaseAddress\"/>, which");
        writer.Line("/// must end with '/' (for example https://api.example.com/v1/), or each call throws an InvalidOperationException.");
        writer.Line("/// Authentication comes from the HttpClient's handler or default headers, or from the access token provider.");
        writer.Line("/// </remarks>");
        writer.Line("public partial class " + client.ClassName + " : " + client.Qualify(client.InterfaceName));
        writer.OpenBlock();
        writer.Line("private readonly global::System.Net.Http.HttpClient _httpClient;");
        writer.Line("private readonly " + TokenProvider + "? _accessTokenProvider;");
        writer.Line();
        writer.Line("/// <summary>Creates a client that sends requests through <paramref name=\"httpClient\"/>.</summary>");
        writer.Line("/// <param name=\"httpClient\">The HTTP client; its base address must end with '/'.</param>");
        writer.Line("/// <param name=\"accessTokenProvider\">Returns a bearer token for each request, or null to send none.</param>");
        writer.Line("public " + client.ClassName + "(global::System.Net.Http.HttpClient httpClient, " + TokenProvider + "? accessTokenProvider = null)");
        writer.OpenBlock();
        writer.Line("_httpClient = httpClient ?? throw new global::System.ArgumentNullException(nameof(httpClient));");
        writer.Line("_accessTokenProvider = accessTokenProvider;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("private async global::System.Threading.Tasks.Task<global::System.Net.Http.HttpResponseMessage> " + SendMethod
            + "(global::System.Net.Http.HttpRequestMessage request, global::System.Threading.CancellationToken cancellationToken)");
        writer.OpenBlock();

        // A relative path resolved against a base address without a trailing '/' replaces the base's last segment,
        // so https://host/v1 + users would silently become https://host/users.
        writer.Line("var baseAddress = _httpClient.BaseAddress;");
        writer.Line("if (baseAddress is not null && request.RequestUri is { IsAbsoluteUri: false }");
        writer.Line("    && !baseAddress.AbsolutePath.EndsWith(\"/\", global::System.StringComparison.Ordinal))");
        writer.OpenBlock();
        writer.Line("var shown = baseAddress.GetComponents(global::System.UriComponents.SchemeAndServer | global::System.UriComponents.Path, global::System.UriFormat.UriEscaped);");
        writer.Line("throw new global::System.InvalidOperationException(\"The HttpClient BaseAddress '\" + shown + \"' does not end with '/', \"");
        writer.Line("    + \"so request paths would replace its last segment. Set the BaseAddress to '\" + shown + \"/'.\");");
        writer.CloseBlock();
        writer.Line();
        writer.Line("if (_accessTokenProvider is not null)");
        writer.OpenBlock();
        writer.Line("var token = await _accessTokenProvider(cancellationToken).ConfigureAwait(false);");
        writer.Line("if (!string.IsNullOrEmpty(token))");
        writer.OpenBlock();
        writer.Line("request.Headers.Authorization = new global::System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", token);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("return await _httpClient.SendAsync(request, global::System.Net.Http.HttpCompletionOption.ResponseHeadersRead, cancellationToken)");
        writer.Line("    .ConfigureAwait(false);");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>Methods that enumerate every item of the paginated operations of " + client.ClassName + ".</summary>");
        writer.Line("public static partial class " + client.PaginationExtensionsName);
        writer.OpenBlock();
        writer.CloseBlock();
    }

    public static void EmitException(SourceWriter writer, ClientInfo client)
    {
        writer.Line("/// <summary>The error thrown when the server answers with a status code outside 200-299.</summary>");
        writer.Line("public sealed class " + client.ExceptionName + " : global::System.Exception");
        writer.OpenBlock();
        writer.Line("/// <summary>Creates the exception.</summary>");
        writer.Line("/// <param name=\"message\">The message; it names the method, path template and status.</param>");
        writer.Line("/// <param name=\"statusCode\">The HTTP status code.</param>");
        writer.Line("/// <param name=\"responseBody\">The response body, cut to at most " + client.JsonName + ".MaxErrorBodyLength characters.</param>");
        writer.Line("/// <param name=\"requestId\">The x-request-id or request-id response header, when present.</param>");
        writer.Line("/// <param name=\"error\">The parsed error object, when the spec declares a schema for the status.</param>");
        writer.Line("public " + client.ExceptionName + "(string message, int statusCode, string? responseBody, string? requestId, object? error)");
        writer.Line("    : base(message)");
        writer.OpenBlock();
        writer.Line("StatusCode = statusCode;");
        writer.Line("ResponseBody = responseBody;");
        writer.Line("RequestId = requestId;");
        writer.Line("Error = error;");
        writer.CloseBlock();
        writer.Line();
        writer.Line("/// <summary>The HTTP status code.</summary>");
        writer.Line("public int StatusCode { get; }");
        writer.Line();
        writer.Line("/// <summary>The response body, cut to a bounded length; null when it could not be read.</summary>");
        writer.Line("public string? ResponseBody { get; }");
        writer.Line();
        writer.Line("/// <summary>The x-request-id or request-id response header; null when the response has neither.</summary>");
        writer.Line("public string? RequestId { get; }");
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line("/// The body parsed as the error type the spec declares for this status, or null when it declares none or the");
        writer.Line("/// body does not match. Cast it to the generated error type.");
        writer.Line("/// </summary>");
        writer.Line("public object? Error { get; }");
        writer.CloseBlock();
    }

    public static void EmitServiceCollection(SourceWriter writer, ClientInfo client)
    {
        const string Services = "global::Microsoft.Extensions.DependencyInjection.IServiceCollection";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        const string Factory = "global::Microsoft.Extensions.DependencyInjection.HttpClientFactoryServiceCollectionExtensions";
        var types = client.Qualify(client.InterfaceName) + ", " + client.Qualify(client.ClassName);
        writer.Line("/// <summary>Registers " + client.ClassName + " with the dependency injection container.</summary>");
        writer.Line("public static class " + client.ServiceCollectionExtensionsName);
        writer.OpenBlock();
        writer.Line("/// <summary>");
        writer.Line("/// Registers <see cref=\"" + client.Qualify(client.InterfaceName) + "\"/> as a typed client of IHttpClientFactory.");
        writer.Line("/// Set a base address that ends with '/' in <paramref name=\"configure\"/>.");
        writer.Line("/// </summary>");
        writer.Line("/// <param name=\"services\">The service collection.</param>");
        writer.Line("/// <param name=\"configure\">Configures the HttpClient, for example its base address and headers.</param>");
        writer.Line("/// <returns>The builder, for adding handlers and resilience policies.</returns>");
        writer.Line("public static " + Builder + " Add" + client.ClassName + "(this " + Services + " services, global::System.Action<global::System.Net.Http.HttpClient>? configure = null)");
        writer.OpenBlock();
        writer.Line("if (services is null)");
        writer.OpenBlock();
        writer.Line("throw new global::System.ArgumentNullException(nameof(services));");
        writer.CloseBlock();
        writer.Line();
        writer.Line("return configure is null");
        writer.Line("    ? " + Factory + ".AddHttpClient<" + types + ">(services)");
        writer.Line("    : " + Factory + ".AddHttpClient<" + types + ">(services, configure);");
        writer.CloseBlock();
        writer.CloseBlock();
    }
}
