using System.Net;
using System.Net.Sockets;
using Pagecall.Provisioning.Http;
using Polly;

namespace Pagecall.Provisioning.Tests.Http;

/// <summary>
/// How transport failures are described and retried: the rules without a server, and the retry log against
/// loopback sockets that refuse or drop connections.
/// </summary>
public sealed class TransportFailureTests
{
    private static readonly Uri s_loopback = new("http://127.0.0.1:4999/v1/users?user_id=secret-value");
    private static readonly Uri s_remote = new("https://api.example.test/v1/users?user_id=secret-value");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public void RefusedConnectionNamesHostAndPort()
    {
        var text = TransportFailure.Describe(Refused(), s_loopback);

        Assert.Equal("Connection refused (127.0.0.1:4999)", text);
    }

    [Fact]
    public void DescriptionOmitsExceptionMessage()
    {
        var failure = new HttpRequestException(
            HttpRequestError.NameResolutionError, "GET https://api.example.test/v1/users?user_id=secret-value failed");

        var text = TransportFailure.Describe(failure, s_remote);

        Assert.Equal("The host name could not be resolved (api.example.test:443)", text);
        Assert.DoesNotContain("secret-value", text);
        Assert.DoesNotContain("/v1", text);
    }

    [Fact]
    public void RefusedLoopbackNotRetried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(Refused());

        Assert.False(RetryRules.ShouldRetry(HttpMethod.Get, outcome, s_loopback));
        Assert.False(RetryRules.ShouldRetry(HttpMethod.Get, outcome, new Uri("http://localhost:4999/v1/users")));
        Assert.False(RetryRules.ShouldRetry(HttpMethod.Get, outcome, new Uri("http://[::1]:4999/v1/users")));
    }

    [Fact]
    public void RefusedRemoteStillRetried()
    {
        var outcome = Outcome.FromException<HttpResponseMessage>(Refused());

        Assert.True(RetryRules.ShouldRetry(HttpMethod.Get, outcome, s_remote));
    }

    [Fact]
    public void OtherLoopbackFailureStillRetried()
    {
        var reset = new HttpRequestException(
            HttpRequestError.ResponseEnded, "ended", new IOException("ended", new SocketException((int)SocketError.ConnectionReset)));
        var outcome = Outcome.FromException<HttpResponseMessage>(reset);

        Assert.True(RetryRules.ShouldRetry(HttpMethod.Get, outcome, s_loopback));
    }

    [Fact]
    public void BareSocketErrorRetriedWhenIdempotent()
    {
        var notConnected = new SocketException((int)SocketError.NotConnected);
        var outcome = Outcome.FromException<HttpResponseMessage>(notConnected);

        Assert.True(RetryRules.ShouldRetry(HttpMethod.Get, outcome, s_loopback));
        Assert.False(RetryRules.ShouldRetry(HttpMethod.Post, outcome, s_loopback));
        Assert.Equal($"{notConnected.Message} (127.0.0.1:4999)", TransportFailure.Describe(notConnected, s_loopback));
    }

    [Fact]
    public async Task RefusedLoopbackFailsAfterOneAttempt()
    {
        // A socket that is bound but not listening keeps the port reserved, and connections to it are refused.
        using var bound = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        bound.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)bound.LocalEndPoint!).Port;
        await using var harness = await ResilientClientHarness.StartAsync(
            options => options.BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/"));

        var failure = await Assert.ThrowsAsync<HttpRequestException>(
            () => harness.Client.ListUsersAsync(cancellationToken: Token));

        Assert.Equal(SocketError.ConnectionRefused, Assert.IsType<SocketException>(failure.InnerException).SocketErrorCode);
        Assert.DoesNotContain(
            harness.ClientLog.Entries, entry => entry.Category == PagecallApiServiceCollectionExtensions.RetryLogCategory);
    }

    [Fact]
    public async Task RetryLineNamesSocketError()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var dropping = DropConnectionsAsync(listener, stop.Token);
        await using var harness = await ResilientClientHarness.StartAsync(options =>
        {
            options.BaseAddress = new Uri($"http://127.0.0.1:{port}/v1/");
            options.MaxRetries = 2;
        });

        await Assert.ThrowsAsync<HttpRequestException>(() => harness.Client.ListUsersAsync(cancellationToken: Token));
        await stop.CancelAsync();
        await dropping;

        var retries = harness.ClientLog.Entries
            .Where(entry => entry.Category == PagecallApiServiceCollectionExtensions.RetryLogCategory)
            .ToList();
        Assert.Equal(2, retries.Count);
        Assert.All(retries, retry => Assert.Equal(
            $"HttpRequestException: The server closed the connection before the response ended (127.0.0.1:{port})",
            retry.Values["Outcome"]));
    }

    private static HttpRequestException Refused() => new(
        HttpRequestError.ConnectionError,
        "Connection refused (127.0.0.1:4999)",
        new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>
    /// Accepts each connection, reads the start of the request and closes the connection, so every request ends
    /// without a response. Reading first makes the client see a closed response rather than a reset during connect.
    /// </summary>
    private static async Task DropConnectionsAsync(TcpListener listener, CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                using var client = await listener.AcceptTcpClientAsync(cancellationToken);
                var buffer = new byte[1024];
                _ = await client.GetStream().ReadAsync(buffer, cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
