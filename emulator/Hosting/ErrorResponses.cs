using Pagecall.Emulator.Api;

namespace Pagecall.Emulator.Hosting;

/// <summary>Writes the JSON error body that every /v1 error response carries.</summary>
internal static class ErrorResponses
{
    public static Task WriteAsync(HttpContext context, ApiException error, int? retryAfterSeconds = null)
    {
        context.Response.Clear();
        context.Response.StatusCode = error.Status;
        if (retryAfterSeconds is { } seconds)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var body = new ErrorBody(error.Status, error.Code, error.Message, error.Field);
        return context.Response.WriteAsJsonAsync(
            body, WireJsonContext.Relaxed.ErrorBody, contentType: null, context.RequestAborted);
    }

    /// <summary>
    /// Writes the body of an empty 404 or 405 from routing, naming it a route error rather than a missing object.
    /// </summary>
    public static Task WriteRoutingErrorAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.PathBase.Add(request.Path).ToString();
        ApiException? error = context.Response.StatusCode switch
        {
            StatusCodes.Status404NotFound => ApiErrors.RouteNotFound(request.Method, path),
            StatusCodes.Status405MethodNotAllowed => ApiErrors.MethodNotAllowed(request.Method, path),
            _ => null,
        };
        return error is null ? Task.CompletedTask : WriteAsync(context, error);
    }
}
