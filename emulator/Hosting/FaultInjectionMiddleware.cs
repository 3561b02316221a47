using Microsoft.AspNetCore.Http.Features;
using Pagecall.Emulator.Api;
using Pagecall.Emulator.Faults;

namespace Pagecall.Emulator.Hosting;

/// <summary>
/// Applies the fault settings to a /v1 request: rate limit, delay, injected throttling, injected errors and lost
/// writes.
/// </summary>
internal sealed partial class FaultInjectionMiddleware(
    RequestDelegate next, FaultInjector injector, ILogger<FaultInjectionMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.Request.Method;
        var isWrite = HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsDelete(method);
        var decision = injector.Next(isWrite);

        if (decision.RateLimitRetryAfterSeconds is { } retryAfter)
        {
            await RejectAsync(context, StatusCodes.Status429TooManyRequests, "rate_limited", retryAfter,
                "The emulator's rate limit is exceeded. Retry after the number of seconds in Retry-After.");
            return;
        }

        if (decision.Delay > TimeSpan.Zero)
        {
            await Task.Delay(decision.Delay, context.RequestAborted);
        }

        if (decision.Throttled)
        {
            await RejectAsync(
                context, StatusCodes.Status429TooManyRequests, "rate_limited", FaultInjector.ThrottleRetryAfterSeconds,
                "Injected throttling: the emulator's fault settings rejected this request before it ran. "
                + "Retry after the number of seconds in Retry-After.");
            return;
        }

        switch (decision.ErrorStatus)
        {
            case StatusCodes.Status500InternalServerError:
                await RejectAsync(
                    context, StatusCodes.Status500InternalServerError, "internal_error", retryAfterSeconds: null,
                    "Injected server error: the emulator's fault settings failed this request before it ran.");
                return;
            case StatusCodes.Status503ServiceUnavailable:
                await RejectAsync(
                    context, StatusCodes.Status503ServiceUnavailable, "service_unavailable", retryAfterSeconds: 1,
                    "Injected unavailability: the emulator's fault settings failed this request before it ran.");
                return;
        }

        if (decision.LoseResponse)
        {
            await RunAndLoseResponseAsync(context);
            return;
        }

        await next(context);
    }

    /// <summary>
    /// Runs the request with its response held back. When the request succeeded, the change stays committed but
    /// the client gets a 500, a dropped connection or no response at all instead. A failed request keeps its own response.
    /// </summary>
    private async Task RunAndLoseResponseAsync(HttpContext context)
    {
        var originalBody = context.Features.Get<IHttpResponseBodyFeature>()!;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Features.Set(originalBody);
        }

        var status = context.Response.StatusCode;
        if (status is < 200 or >= 300)
        {
            buffer.Position = 0;
            await buffer.CopyToAsync(context.Response.Body, context.RequestAborted);
            return;
        }

        var mode = injector.Options.LostWriteMode;
        LogLostWrite(logger, context.Request.Method, context.Request.Path.ToString(), mode, context.TraceIdentifier);
        if (mode == LostWriteMode.Drop)
        {
            context.Abort();
            return;
        }

        if (mode == LostWriteMode.Hang)
        {
            await HangUntilAbortedAsync(context);
            return;
        }

        await ErrorResponses.WriteAsync(context, new ApiException(
            StatusCodes.Status500InternalServerError,
            "internal_error",
            "Injected lost write: the change was committed, but the emulator's fault settings replaced its response."));
    }

    /// <summary>Holds the request open without a response until the client closes the connection.</summary>
    private static async Task HangUntilAbortedAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The client gave up or the emulator is stopping, so no response is sent.
        }
    }

    private static Task RejectAsync(HttpContext context, int status, string code, int? retryAfterSeconds, string message) =>
        ErrorResponses.WriteAsync(context, new ApiException(status, code, message), retryAfterSeconds);

    [LoggerMessage(
        Level = LogLevel.Debug,
        Message = "{Method} {Path} committed, but its response is lost ({Mode}) (request {RequestId})")]
    private static partial void LogLostWrite(
        ILogger logger, string method, string path, LostWriteMode mode, string requestId);
}
