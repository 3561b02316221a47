using System.Globalization;
using System.Net.Http;
using System.Net.Sockets;

namespace Pagecall.Provisioning.Http;

/// <summary>Describes a request that failed before a response arrived, for log lines and error messages.</summary>
public static class TransportFailure
{
    /// <summary>
    /// Returns the cause of <paramref name="exception"/> with the host and port of <paramref name="address"/>, such
    /// as "Connection refused (127.0.0.1:4999)". The text is built from the socket error or the
    /// <see cref="HttpRequestError"/> and the host and port only, so it never contains a path, a query value, user
    /// information or a header.
    /// </summary>
    /// <param name="exception">
    /// The failure of the request: an <see cref="HttpRequestException"/>, or a <see cref="SocketException"/> that
    /// the handler let through unwrapped.
    /// </param>
    /// <param name="address">The request address or the API base address, or null when unknown.</param>
    public static string Describe(Exception exception, Uri? address)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var cause = FindSocketError(exception) is { } socket
            ? socket.Message.TrimEnd('.')
            : DescribeRequestError((exception as HttpRequestException)?.HttpRequestError ?? HttpRequestError.Unknown);
        return address is null
            ? cause
            : string.Create(CultureInfo.InvariantCulture, $"{cause} ({address.Host}:{address.Port})");
    }

    /// <summary>
    /// Returns whether <paramref name="exception"/> is a refused TCP connection to a loopback host. Nothing
    /// starts listening there during a retry backoff, so a retry only delays the error.
    /// </summary>
    /// <param name="exception">The failure of the request.</param>
    /// <param name="address">The request address, or null when unknown.</param>
    public static bool IsRefusedOnLoopback(Exception exception, Uri? address)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return address is { IsAbsoluteUri: true, IsLoopback: true }
            && FindSocketError(exception)?.SocketErrorCode == SocketError.ConnectionRefused;
    }

    /// <summary>
    /// Returns whether <paramref name="exception"/> ended a request before a response arrived. SocketsHttpHandler
    /// normally wraps socket errors in <see cref="HttpRequestException"/>, but with .NET 10 on Linux a bare
    /// "Transport endpoint is not connected" <see cref="SocketException"/> came through when a loopback test server
    /// reset each connection as soon as it accepted it (about 1 run in 25).
    /// </summary>
    public static bool IsTransportFailure(Exception? exception) => exception is HttpRequestException or SocketException;

    private static SocketException? FindSocketError(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            if (current is SocketException socket)
            {
                return socket;
            }
        }

        return null;
    }

    private static string DescribeRequestError(HttpRequestError error) => error switch
    {
        HttpRequestError.NameResolutionError => "The host name could not be resolved",
        HttpRequestError.ConnectionError => "The connection failed",
        HttpRequestError.SecureConnectionError => "The TLS connection could not be established",
        HttpRequestError.HttpProtocolError => "The server violated the HTTP protocol",
        HttpRequestError.ExtendedConnectNotSupported => "The server does not support extended CONNECT",
        HttpRequestError.VersionNegotiationError => "The HTTP version could not be negotiated",
        HttpRequestError.UserAuthenticationError => "The proxy or server rejected the credentials",
        HttpRequestError.ProxyTunnelError => "The proxy tunnel failed",
        HttpRequestError.InvalidResponse => "The server sent an invalid response",
        HttpRequestError.ResponseEnded => "The server closed the connection before the response ended",
        HttpRequestError.ConfigurationLimitExceeded => "The response exceeded a configured limit",
        _ => "The request failed before a response arrived",
    };
}
