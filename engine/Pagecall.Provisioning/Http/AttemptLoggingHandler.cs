using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace Pagecall.Provisioning.Http;

/// <summary>
/// Logs one line per attempt: method, path, status (or the error), attempt number and elapsed milliseconds.
/// The line carries the path without the query string, and never a header or a body, because headers carry the
/// API key and bodies carry access tokens.
/// </summary>
internal sealed partial class AttemptLoggingHandler(ILogger<AttemptLoggingHandler> logger) : DelegatingHandler
{
    /// <summary>The log category of the attempt lines.</summary>
    public const string Category = "Pagecall.Provisioning.Http.AttemptLoggingHandler";

    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var attempt = AttemptCounter.Next(request);
        var method = request.Method.Method;
        var path = request.RequestUri?.AbsolutePath ?? "";
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var status = (int)response.StatusCode;
            if (status is 429 or >= 500)
            {
                LogFailedStatus(logger, method, path, status, attempt, elapsed);
            }
            else
            {
                LogCompleted(logger, method, path, status, attempt, elapsed);
            }

            return response;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException)
        {
            var elapsed = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            LogFailed(logger, method, path, exception.GetType().Name, attempt, elapsed);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Debug,
        Message = "{Method} {Path} {StatusCode} attempt {Attempt} in {ElapsedMilliseconds} ms")]
    private static partial void LogCompleted(
        ILogger logger, string method, string path, int statusCode, int attempt, long elapsedMilliseconds);

    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Method} {Path} {StatusCode} attempt {Attempt} in {ElapsedMilliseconds} ms")]
    private static partial void LogFailedStatus(
        ILogger logger, string method, string path, int statusCode, int attempt, long elapsedMilliseconds);

    // The exception type only: a transport error's message can name the host, and the exception is rethrown
    // for the caller to report.
    [LoggerMessage(Level = LogLevel.Information,
        Message = "{Method} {Path} failed with {ErrorType} attempt {Attempt} after {ElapsedMilliseconds} ms")]
    private static partial void LogFailed(
        ILogger logger, string method, string path, string errorType, int attempt, long elapsedMilliseconds);
}
