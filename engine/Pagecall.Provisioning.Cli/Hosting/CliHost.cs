using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Pagecall.Api;
using Pagecall.Provisioning.Apply;
using Pagecall.Provisioning.Cli.Commands;
using Pagecall.Provisioning.Http;
using Pagecall.Provisioning.Live;

namespace Pagecall.Provisioning.Cli.Hosting;

/// <summary>
/// Builds the service container of one command: configuration, logging to standard error, and the Pagecall client.
/// The host is never started, because a command runs once and has no background services.
/// </summary>
internal static class CliHost
{
    /// <summary>
    /// The prefix of environment variables read as configuration, such as
    /// <c>PAGECALL_PROVISION_Logging__LogLevel__Default=Debug</c>.
    /// </summary>
    public const string ConfigurationPrefix = "PAGECALL_PROVISION_";

    public static IHost Build(ApiConnection connection, ConsoleOutput console, CommonSettings settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            // The defaults would read appsettings.json from the current folder, which belongs to the user's project.
            DisableDefaults = true,
            ApplicationName = "pagecall-provision",
        });
        builder.Configuration.AddEnvironmentVariables(ConfigurationPrefix);
        ConfigureLogging(builder, settings.Verbose);

        builder.Services.AddSingleton(console);
        builder.Services.AddSingleton(connection);
        AddPagecallHttpClient(builder.Services, connection, settings.MaxRequestsPerSecond);
        builder.Services.AddTransient<LiveWorkspaceReader>();
        builder.Services.AddTransient<Applier>();
        return builder.Build();
    }

    /// <summary>
    /// Registers <see cref="IPagecallClient"/> with the retries, timeouts and rate control of
    /// <see cref="PagecallApiServiceCollectionExtensions.AddPagecallApi"/>. This is the one place where the Pagecall
    /// HttpClient is set up.
    /// </summary>
    public static IHttpClientBuilder AddPagecallHttpClient(
        IServiceCollection services, ApiConnection connection, double? maxRequestsPerSecond)
    {
        var builder = services.AddPagecallApi(options =>
        {
            options.BaseAddress = connection.ApiBaseAddress;
            options.ApiKey = connection.ApiKey.Reveal();
            options.MaxRequestsPerSecond = maxRequestsPerSecond;
        });

        // A proxy from the environment is for remote hosts, so a loopback emulator is reached directly.
        builder.ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            UseProxy = !connection.ApiBaseAddress.IsLoopback,
        });
        return builder;
    }

    private static void ConfigureLogging(HostApplicationBuilder builder, bool verbose)
    {
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(verbose ? LogLevel.Debug : LogLevel.Warning);
        // Polly writes several Debug lines per request, which would bury the attempt lines of --verbose. Without
        // --verbose it is silent, because it logs a Warning for every handled retry and the CLI reports the final
        // failure itself.
        builder.Logging.AddFilter("Polly", verbose ? LogLevel.Warning : LogLevel.None);
        builder.Logging.AddConfiguration(builder.Configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.ColorBehavior = LoggerColorBehavior.Disabled;
        });

        // Standard output carries the plan, so every log level goes to standard error.
        builder.Services.Configure<ConsoleLoggerOptions>(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
    }
}
