using System.Net.Sockets;
using Polly.Timeout;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>The one-line messages for failed API calls, checked in process.</summary>
public sealed class ApiFailuresTests
{
    private static readonly Uri s_api = new("http://127.0.0.1:4010/v1/");

    [Fact]
    public void PipelineTimeoutIsTimedOut()
    {
        var message = ApiFailures.Describe(new TimeoutRejectedException(), s_api, CancellationToken.None);

        Assert.Equal("A request to http://127.0.0.1:4010/v1/ timed out. Run the command again.", message);
    }

    [Fact]
    public void RefusedLoopbackAsksForEmulator()
    {
        var message = ApiFailures.Describe(Refused(), s_api, CancellationToken.None);

        Assert.Equal(
            "The request to http://127.0.0.1:4010/v1/ failed: Connection refused (127.0.0.1:4010). Is the emulator "
                + "running at http://127.0.0.1:4010/v1/? Start it (see docs/emulator.md) or pass --emulator in place "
                + "of --api-url, then run the command again.",
            message);
    }

    [Fact]
    public void RefusedRemoteAsksToCheckAddress()
    {
        var message = ApiFailures.Describe(Refused(), new Uri("https://api.example.test/v1/"), CancellationToken.None);

        Assert.Equal(
            "The request to https://api.example.test/v1/ failed: Connection refused (api.example.test:443). Check the "
                + "address and the network, then run the command again.",
            message);
    }

    [Fact]
    public void TransportMessageTextNotRepeated()
    {
        var failure = new HttpRequestException(
            HttpRequestError.SecureConnectionError, "GET /v1/users?user_id=private-id failed with token tok-93ad");

        var message = ApiFailures.Describe(failure, new Uri("https://api.example.test/v1/"), CancellationToken.None);

        Assert.NotNull(message);
        Assert.Contains("The TLS connection could not be established (api.example.test:443)", message);
        Assert.DoesNotContain("private-id", message);
        Assert.DoesNotContain("tok-93ad", message);
    }

    [Fact]
    public void BareSocketErrorDescribed()
    {
        var failure = new SocketException((int)SocketError.NotConnected);

        var message = ApiFailures.Describe(failure, s_api, CancellationToken.None);

        Assert.Equal(
            $"The request to http://127.0.0.1:4010/v1/ failed: {failure.Message} (127.0.0.1:4010). Check the address "
                + "and the network, then run the command again.",
            message);
    }

    private static HttpRequestException Refused() => new(
        HttpRequestError.ConnectionError,
        "Connection refused (127.0.0.1:4010)",
        new SocketException((int)SocketError.ConnectionRefused));
}
