using System.Diagnostics;

namespace Pagecall.Emulator.Hosting;

/// <summary>
/// Gives each response a unique X-Request-Id header and logs one line per request: method, path, status and
/// elapsed time. The line never carries the query string, because /meet URLs contain access tokens, nor any
/// header or body.
/// </summary>
internal sealed partial class RequestLogMiddleware(RequestDelegate next, ILoggerFactory loggerFactory)
{
    public const string RequestIdHeader = "X-Request-Id";
    public const string LogCategory = "Pagecall.Emulator.Requests";

    private readonly ILogger _logger = loggerFactory.CreateLogger(LogCategory);

    public async Task InvokeAsync(HttpContext context)
    {
        var requestId = Guid.NewGuid().ToString("N");
        context.TraceIdentifier = requestId;
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[RequestIdHeader] = requestId;
            return Task.CompletedTask;
        });

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var path = context.Request.PathBase.Add(context.Request.Path).ToString();
            if (context.RequestAborted.IsCancellationRequested)
            {
                LogAborted(_logger, context.Request.Method, path, elapsed, requestId);
            }
            else
            {
                LogCompleted(_logger, context.Request.Method, path, context.Response.StatusCode, elapsed, requestId);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} {ElapsedMilliseconds} ms (request {RequestId})")]
    private static partial void LogCompleted(
        ILogger logger, string method, string path, int statusCode, long elapsedMilliseconds, string requestId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Method} {Path} connection aborted after {ElapsedMilliseconds} ms (request {RequestId})")]
    private static partial void LogAborted(
        ILogger logger, string method, string path, long elapsedMilliseconds, string requestId);
}
