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
    public void ConnectionFailureEndsSentences()
    {
        var failure = new HttpRequestException("Connection refused (127.0.0.1:4010)");

        var message = ApiFailures.Describe(failure, s_api, CancellationToken.None);

        Assert.Equal(
            "The request to http://127.0.0.1:4010/v1/ failed: Connection refused (127.0.0.1:4010). Check the address "
                + "and the network, then run the command again.",
            message);
    }
}
