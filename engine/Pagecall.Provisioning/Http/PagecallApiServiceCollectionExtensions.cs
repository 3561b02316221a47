using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Pagecall.Api;
using Polly;

namespace Pagecall.Provisioning.Http;

/// <summary>Registers the generated Pagecall client with rate control, retries, timeouts and attempt logging.</summary>
public static partial class PagecallApiServiceCollectionExtensions
{
    /// <summary>The log category of the retry lines.</summary>
    public const string RetryLogCategory = "Pagecall.Provisioning.Http.Retry";

    /// <summary>
    /// Registers <see cref="IPagecallClient"/> as a typed client of IHttpClientFactory. Each call passes these
    /// handlers, from the outside in:
    /// <list type="number">
    /// <item>the bearer key;</item>
    /// <item>a total timeout over all attempts, then retries with exponential backoff and jitter, honouring
    /// <c>Retry-After</c> on 429 and 503 (see <see cref="RetryRules.ShouldRetry"/> for which outcomes are retried);</item>
    /// <item>per attempt, retries included: the rate cap, the adaptive concurrency limit, the attempt timeout and
    /// one log line.</item>
    /// </list>
    /// The rate cap and the concurrency limit sit inside the retries so that every attempt takes a token and a
    /// slot and the limiter receives every 429. They sit outside the attempt timeout so that waiting for them never
    /// times out an attempt. HttpClientFactory's own request logging is removed, because it prints full URLs
    /// with query values and, at Trace level, headers.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the base address, the API key and the limits.</param>
    /// <returns>The client builder, for further handlers.</returns>
    /// <exception cref="ArgumentException">A setting is missing or out of range; the message names it.</exception>
    public static IHttpClientBuilder AddPagecallApi(
        this IServiceCollection services, Action<PagecallConnectionOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new PagecallConnectionOptions();
        configure(options);
        options.Validate();
        var apiKey = options.ApiKey!;

        services.AddSingleton(_ => PagecallRateCap.Create(options.MaxRequestsPerSecond));
        services.AddSingleton(_ => new AdaptiveConcurrencyLimiter(options.MaxConcurrency));

        var builder = services.AddPagecallClient(http =>
        {
            http.BaseAddress = options.BaseAddress;

            // The resilience pipeline enforces the timeouts, so HttpClient's own 100-second limit must not cut
            // a call that is still within its total timeout.
            http.Timeout = Timeout.InfiniteTimeSpan;
        });
        builder.RemoveAllLoggers();

        // Redacts every header value in case a caller adds the factory's default logger back.
        builder.RedactLoggedHeaders(_ => true);
        builder.AddHttpMessageHandler(() => new BearerKeyHandler(apiKey));
        builder.AddResilienceHandler("pagecall-retries", (pipeline, context) =>
        {
            var clock = context.ServiceProvider.GetService<TimeProvider>() ?? TimeProvider.System;
            var logger = context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(RetryLogCategory);
            AddRetries(pipeline, options, clock, logger);
        });
        builder.AddHttpMessageHandler(provider => new RateCapHandler(provider.GetRequiredService<PagecallRateCap>()));
        builder.AddHttpMessageHandler(provider =>
            new AdaptiveConcurrencyHandler(provider.GetRequiredService<AdaptiveConcurrencyLimiter>()));
        builder.AddResilienceHandler("pagecall-attempt-timeout", pipeline => pipeline.AddTimeout(options.RequestTimeout));
        builder.AddHttpMessageHandler(provider =>
            new AttemptLoggingHandler(provider.GetRequiredService<ILogger<AttemptLoggingHandler>>()));
        return builder;
    }

    private static void AddRetries(
        ResiliencePipelineBuilder<HttpResponseMessage> pipeline,
        PagecallConnectionOptions options,
        TimeProvider clock,
        ILogger logger)
    {
        pipeline.AddTimeout(options.TotalTimeout);
        if (options.MaxRetries == 0)
        {
            return;
        }

        pipeline.AddRetry(new HttpRetryStrategyOptions
        {
            MaxRetryAttempts = options.MaxRetries,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            Delay = options.RetryBaseDelay,
            MaxDelay = options.MaxRetryDelay,

            // Turning this off clears the library's own delay generator, which the one below replaces with
            // one that reads Retry-After on 429 and 503 only, and caps it at MaxRetryDelay.
            ShouldRetryAfterHeader = false,
            DelayGenerator = args =>
                ValueTask.FromResult(RetryRules.RetryAfterDelay(args.Outcome.Result, clock, options.MaxRetryDelay)),
            ShouldHandle = args =>
                ValueTask.FromResult(RetryRules.ShouldRetry(
                    args.Context.GetRequestMessage()?.Method, args.Outcome, args.Context.GetRequestMessage()?.RequestUri)),
            OnRetry = args =>
            {
                var request = args.Context.GetRequestMessage();
                var outcome = DescribeOutcome(args.Outcome, request?.RequestUri);
                LogRetry(
                    logger,
                    request?.Method.Method ?? "",
                    request?.RequestUri?.AbsolutePath ?? "",
                    (long)args.RetryDelay.TotalMilliseconds,
                    outcome,
                    args.AttemptNumber + 1,
                    options.MaxRetries);
                return default;
            },
        });
    }

    /// <summary>
    /// Returns the status code, or the exception type with the socket error and the host and port for a transport
    /// failure. Exception messages are not used, because they may repeat the request address.
    /// </summary>
    private static string DescribeOutcome(Outcome<HttpResponseMessage> outcome, Uri? requestUri) => outcome switch
    {
        { Result: { } response } =>
            ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture),
        { Exception: { } transport } when TransportFailure.IsTransportFailure(transport) =>
            $"{transport.GetType().Name}: {TransportFailure.Describe(transport, requestUri)}",
        { Exception: { } other } => other.GetType().Name,
        _ => "unknown",
    };

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Retrying {Method} {Path} in {DelayMilliseconds} ms after {Outcome} (retry {Retry} of {MaxRetries})")]
    private static partial void LogRetry(
        ILogger logger, string method, string path, long delayMilliseconds, string outcome, int retry, int maxRetries);
}
