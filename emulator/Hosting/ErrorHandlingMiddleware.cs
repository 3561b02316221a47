using Pagecall.Emulator.Api;

namespace Pagecall.Emulator.Hosting;

/// <summary>Turns an <see cref="ApiException"/> into its error response, and any other failure into a 500.</summary>
internal sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (ApiException error) when (!context.Response.HasStarted)
        {
            await ErrorResponses.WriteAsync(context, error);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client closed the connection, so no response can be sent.
        }
        catch (Exception exception) when (!context.Response.HasStarted)
        {
            var path = context.Request.Path.ToString();
            LogFailure(logger, exception, context.Request.Method, path, context.TraceIdentifier);
            var error = new ApiException(
                StatusCodes.Status500InternalServerError,
                "internal_error",
                $"The emulator failed to process the request: {exception.Message}");
            await ErrorResponses.WriteAsync(context, error);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Method} {Path} failed (request {RequestId})")]
    private static partial void LogFailure(
        ILogger logger, Exception exception, string method, string path, string requestId);
}
