using System.Text.Json;
using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Cli.Commands;
using Pagecall.Provisioning.Live;
using Polly.Timeout;

namespace Pagecall.Provisioning.Cli;

/// <summary>Turns the exceptions of an API call into one message for standard error.</summary>
internal static class ApiFailures
{
    /// <summary>
    /// Returns the message for a failure of the API, the network or the local emulator, or null for any other
    /// exception, which the caller lets through. Messages never contain the API key, request headers or bodies.
    /// </summary>
    public static string? Describe(Exception exception, Uri? apiBaseAddress, CancellationToken cancellationToken)
    {
        var target = apiBaseAddress?.ToString() ?? "the API";
        return exception switch
        {
            PagecallClientApiException api => DescribeStatus(api),
            HttpRequestException http => $"The request to {target} failed: {http.Message.TrimEnd('.')}. Check the address and "
                + "the network, then run the command again.",
            TaskCanceledException when !cancellationToken.IsCancellationRequested =>
                $"A request to {target} timed out. Run the command again.",
            TimeoutRejectedException => $"A request to {target} timed out. Run the command again.",
            IncompleteReadException incomplete => incomplete.Message,
            JsonException json => $"A response from {target} does not match the Pagecall API: {json.Message}",
            EmulatorStartupException startup => $"The local emulator did not start: {startup.Message}",
            _ => null,
        };
    }

    private static string DescribeStatus(PagecallClientApiException exception)
    {
        var requestId = exception.RequestId is null ? "" : $" (request id {exception.RequestId})";
        var hint = exception.StatusCode switch
        {
            401 or 403 => $" Check that {CommonOptions.ApiKeyVariable} holds a valid API key of the workspace.",
            429 => " The API rate limit was reached. Wait a minute and run the command again.",
            >= 500 => " The API failed. Run the command again later.",
            _ => "",
        };
        return $"The Pagecall API rejected a request: {exception.Message}{requestId}{hint}";
    }
}
