using Pagecall.Emulator.Api;
using Pagecall.Emulator.Faults;
using Pagecall.Emulator.State;

namespace Pagecall.Emulator.Hosting;

/// <summary>Builds the ASP.NET Core application: logging, addresses, middleware order and routes.</summary>
internal static class EmulatorHost
{
    private const string DefaultUrl = "http://127.0.0.1:0";

    // Log category of the generic host (Microsoft.Extensions.Hosting 10.0). StartAsync and StopAsync throw the
    // errors it logs. It would also log a failed background service without throwing, but the emulator runs none.
    private const string HostCategory = "Microsoft.Extensions.Hosting.Internal.Host";

    public static WebApplication Build(
        EmulatorOptions options, EmulatorStore store, FaultInjector faults, WorkspaceDirectory workspaces)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(EmulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });

        ConfigureLogging(builder.Logging, options);
        builder.WebHost.UseUrls(options.Urls.Count > 0 ? [.. options.Urls] : [DefaultUrl]);
        if (!options.StopOnConsoleSignals)
        {
            builder.Services.AddSingleton<IHostLifetime, EmbeddedHostLifetime>();
        }

        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(faults);
        builder.Services.AddSingleton(workspaces);

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseStatusCodePages(context => ErrorResponses.WriteRoutingErrorAsync(context.HttpContext));
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments("/v1"),
            v1 => v1.UseMiddleware<FaultInjectionMiddleware>().UseMiddleware<ApiKeyMiddleware>());
        app.UseRouting();
        app.MapPagecallApi(store);
        new JoinCheck(store).Map(app);
        return app;
    }

    /// <summary>
    /// Adds the caller's providers, then keeps framework categories at Warning: ASP.NET Core's own request
    /// logs at Information carry the full URL, and /meet URLs contain access tokens.
    /// </summary>
    private static void ConfigureLogging(ILoggingBuilder logging, EmulatorOptions options)
    {
        logging.ClearProviders();
        options.ConfigureLogging?.Invoke(logging);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);

        // The generic host logs a start-up failure, such as a port in use, with its stack trace and then throws
        // it from StartAsync, where the command line prints a one-line message and embedders catch it.
        logging.AddFilter(HostCategory, LogLevel.None);
        logging.AddFilter(RequestLogMiddleware.LogCategory, LogLevel.Information);
    }

    /// <summary>A host lifetime that leaves Ctrl+C to the process that embeds the emulator.</summary>
    private sealed class EmbeddedHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
