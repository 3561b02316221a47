using System.Globalization;
using System.Text.Json;
using Pagecall.Api;
using Polly.Timeout;

namespace Pagecall.Provisioning.Apply;

/// <summary>A change that cannot finish, with a message that explains why and what to do.</summary>
internal sealed class ChangeFailedException(string message) : Exception(message);

/// <summary>How a failed request is handled: given up, retried, or retried after checking whether it committed.</summary>
internal enum FailureKind
{
    /// <summary>The server rejected the request, such as a 400 or 404. Sending it again gets the same response.</summary>
    Permanent,

    /// <summary>The server did not run the request (429), so it can be sent again as it is.</summary>
    NotApplied,

    /// <summary>
    /// The request may have committed: a 5xx, a lost connection, a timeout or an unreadable success body.
    /// </summary>
    Ambiguous,
}

/// <summary>Classifies and describes request failures. Descriptions never contain a token or key.</summary>
internal static class RequestFailures
{
    /// <summary>Returns how to handle <paramref name="exception"/>, or null when it is not a request failure.</summary>
    public static FailureKind? Classify(Exception exception, CancellationToken runToken) => exception switch
    {
        PagecallClientApiException { StatusCode: 429 } => FailureKind.NotApplied,
        PagecallClientApiException { StatusCode: >= 500 } => FailureKind.Ambiguous,
        PagecallClientApiException => FailureKind.Permanent,
        HttpRequestException => FailureKind.Ambiguous,

        // HttpClient reports its own timeout as a cancellation, so the run's token separates the two.
        OperationCanceledException when !runToken.IsCancellationRequested => FailureKind.Ambiguous,

        // The resilience pipeline's attempt and total timeouts; the server may have applied the request.
        TimeoutRejectedException => FailureKind.Ambiguous,
        JsonException or FormatException => FailureKind.Ambiguous,
        _ => null,
    };

    public static bool IsNotFound(Exception exception) => exception is PagecallClientApiException { StatusCode: 404 };

    /// <summary>Describes a failure in one sentence or two, for outcomes, logs and the journal.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        PagecallClientApiException api => DescribeApiError(api),
        HttpRequestException http => $"The connection failed: {http.Message}",
        OperationCanceledException or TimeoutRejectedException => "The request timed out.",
        JsonException or FormatException => $"The response could not be read: {exception.Message}",
        _ => exception.Message,
    };

    private static string DescribeApiError(PagecallClientApiException exception)
    {
        var text = exception.Message;
        if (exception.Error is Error { } error)
        {
            var field = error.Field is null ? "" : $" (field {error.Field})";
            text += $" {error.Code}: {error.Message}{field}";
        }

        if (exception.RequestId is not null)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" Request id {exception.RequestId}.");
        }

        return text;
    }
}
