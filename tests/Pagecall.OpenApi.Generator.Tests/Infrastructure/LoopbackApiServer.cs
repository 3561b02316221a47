using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>One request as the server received it.</summary>
internal sealed record RecordedRequest(
    string Method,
    string RawPath,
    string Path,
    string RawQuery,
    IReadOnlyDictionary<string, string[]> Query,
    string? Authorization,
    string? ContentType,
    IReadOnlyDictionary<string, string> Headers,
    string Body);

/// <summary>A canned response: status, JSON body and extra headers.</summary>
internal sealed record CannedResponse(int Status, string Body, IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A Kestrel server on 127.0.0.1 with a port the system picks. It responds to each request through a handler the test
/// supplies and records what the client sent, so tests exercise the real HTTP stack on loopback.
/// </summary>
internal sealed class LoopbackApiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackApiServer(WebApplication app)
    {
        _app = app;
    }

    /// <summary>The base address, ending with the API's <c>/v1/</c> prefix and a slash.</summary>
    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The requests received so far, in arrival order.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>Starts a server that responds to every request through <paramref name="respond"/>.</summary>
    public static async Task<LoopbackApiServer> StartAsync(Func<RecordedRequest, CannedResponse> respond)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new LoopbackApiServer(app);
        app.Run(context => server.HandleAsync(context, respond));

        await app.StartAsync(TestContext.Current.CancellationToken);
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()
            ?? throw new InvalidOperationException("Kestrel did not report the address it listens on.");
        var address = addresses.Addresses.Single();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/v1/");
        return server;
    }

    /// <summary>Returns the single request recorded since the last call, and removes it from the record.</summary>
    public RecordedRequest TakeSingle()
    {
        var drained = new List<RecordedRequest>();
        while (_requests.TryDequeue(out var request))
        {
            drained.Add(request);
        }

        return Assert.Single(drained);
    }

    /// <summary>Returns every request recorded since the last call, and removes them from the record.</summary>
    public List<RecordedRequest> TakeAll()
    {
        var drained = new List<RecordedRequest>();
        while (_requests.TryDequeue(out var request))
        {
            drained.Add(request);
        }

        return drained;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context, Func<RecordedRequest, CannedResponse> respond)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var recorded = new RecordedRequest(
            context.Request.Method,
            context.Features.Get<IHttpRequestFeature>()?.RawTarget.Split('?')[0] ?? "",
            context.Request.Path.Value ?? "",
            context.Request.QueryString.Value ?? "",
            context.Request.Query.ToDictionary(pair => pair.Key, pair => pair.Value.Select(value => value ?? "").ToArray(),
                StringComparer.Ordinal),
            context.Request.Headers.Authorization.FirstOrDefault(),
            context.Request.ContentType,
            context.Request.Headers.ToDictionary(pair => pair.Key, pair => pair.Value.ToString(),
                StringComparer.OrdinalIgnoreCase),
            body);
        _requests.Enqueue(recorded);

        var response = respond(recorded);
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            context.Response.Headers[name] = value;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentType = "application/json; charset=utf-8";
            await context.Response.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
