using System.Text.Json;
using Pagecall.Api;
using Pagecall.Emulator;
using Pagecall.Provisioning.Cli.Commands;
using Pagecall.Provisioning.Cli.Hosting;
using Pagecall.Provisioning.Http;
using Pagecall.Provisioning.Live;
using Polly.Timeout;

namespace Pagecall.Provisioning.Cli;

/// <summary>Turns the exceptions of an API call into one message for standard error.</summary>
internal static class ApiFailures
{
    /// <summary>
    /// Returns the message for a failure of the API, the network or the local emulator, or null for any other
    /// exception, which the caller lets through. Messages never contain the API key or request headers, and of an
    /// error body they contain only its code and message.
    /// </summary>
    public static string? Describe(Exception exception, Uri? apiBaseAddress, CancellationToken cancellationToken)
    {
        var target = apiBaseAddress?.ToString() ?? "the API";
        return exception switch
        {
            PagecallClientApiException api => DescribeStatus(api),
            { } transport when TransportFailure.IsTransportFailure(transport) =>
                DescribeTransport(transport, apiBaseAddress, target),
            TaskCanceledException when !cancellationToken.IsCancellationRequested =>
                $"A request to {target} timed out. Run the command again.",
            TimeoutRejectedException => $"A request to {target} timed out. Run the command again.",
            IncompleteReadException incomplete => incomplete.Message,
            JsonException json => $"A response from {target} does not match the Pagecall API: {json.Message}",
            EmulatorStartupException { LockedStateFile: { } dataFile } =>
                $"The local emulator did not start, because another run is using its data file {dataFile}. Wait for "
                + "the other pagecall-provision --emulator command in this folder to end, or run from another folder, "
                + $"which gets its own {ApiConnection.EmulatorDataFile}.",
            EmulatorStartupException startup => $"The local emulator did not start. {startup.Message}",
            _ => null,
        };
    }

    /// <summary>
    /// Returns the socket error with the host and port, and a fix. A refused connection to a loopback host is
    /// most often an emulator that is not running, so the message names that fix.
    /// </summary>
    private static string DescribeTransport(Exception exception, Uri? apiBaseAddress, string target)
    {
        var cause = TransportFailure.Describe(exception, apiBaseAddress);
        if (TransportFailure.IsRefusedOnLoopback(exception, apiBaseAddress))
        {
            return $"The request to {target} failed: {cause}. Is the emulator running at {target}? Start it "
                + "(see docs/emulator.md) or pass --emulator in place of --api-url, then run the command again.";
        }

        return $"The request to {target} failed: {cause}. Check the address and the network, then run the command "
            + "again.";
    }

    private static string DescribeStatus(PagecallClientApiException exception)
    {
        var requestId = exception.RequestId is null ? "" : $" (request id {exception.RequestId})";
        var hint = exception.StatusCode switch
        {
            401 or 403 => $" Check that {CommonOptions.ApiKeyVariable} holds a valid API key of the workspace.",
            404 when IsListRequest(exception.Message) => " A 404 on a list request usually means a wrong base "
                + "address: check that --api-url ends with /v1, such as " + CommonOptions.DefaultApiUrl + ".",
            429 => " The API rate limit was reached. Wait a minute and run the command again.",
            >= 500 => " The API failed. Run the command again later.",
            _ => "",
        };
        return $"The Pagecall API rejected a request: {exception.Message}{DescribeBody(exception.ResponseBody)}"
            + $"{requestId}{hint}";
    }

    /// <summary>
    /// Returns " API error CODE: MESSAGE." from an error body of the Pagecall Error schema, or an empty string when
    /// the body is not one. Only the code and the message are read, so no other field of the body is printed.
    /// </summary>
    internal static string DescribeBody(string? body)
    {
        const int maxMessageLength = 300;
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return "";
            }

            var code = ReadString(document.RootElement, "code");
            var message = ReadString(document.RootElement, "message");
            if (code is null && message is null)
            {
                return "";
            }

            if (message is { Length: > maxMessageLength })
            {
                message = message[..maxMessageLength] + "...";
            }

            var text = (code, message) switch
            {
                (null, _) => message!,
                (_, null) => code,
                _ => $"{code}: {message}",
            };
            return $" API error {text.ReplaceLineEndings(" ").TrimEnd('.')}.";
        }
        catch (JsonException)
        {
            return "";
        }
    }

    private static string? ReadString(JsonElement body, string name) =>
        body.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>
    /// Tells whether the exception message, which starts with the method and the path template, names a list
    /// request: GET /users, GET /rooms or GET /rooms/{id}/members.
    /// </summary>
    private static bool IsListRequest(string message) =>
        message.StartsWith("GET /users ", StringComparison.Ordinal)
        || message.StartsWith("GET /rooms ", StringComparison.Ordinal)
        || (message.StartsWith("GET /rooms/", StringComparison.Ordinal)
            && message.Split(' ', 3)[1].EndsWith("/members", StringComparison.Ordinal));
}
