using Pagecall.Provisioning.Cli.Commands;
using Pagecall.Provisioning.Cli.Hosting;

namespace Pagecall.Provisioning.Cli.Tests;

/// <summary>
/// The rules for --api-url, --meet-url and the API key, checked in process. No test here sends a request: the
/// addresses are only parsed.
/// </summary>
public sealed class ConnectionRequestTests
{
    private const string Key = "connection-test-key";

    [Theory]
    [InlineData("https://api.pagecall.com/v1", "https://api.pagecall.com/v1/")]
    [InlineData("https://api.pagecall.com/v1/", "https://api.pagecall.com/v1/")]
    [InlineData("http://127.0.0.1:4010/v1", "http://127.0.0.1:4010/v1/")]
    [InlineData("http://127.8.0.2:4010/v1", "http://127.8.0.2:4010/v1/")]
    [InlineData("http://localhost:4010/v1", "http://localhost:4010/v1/")]
    [InlineData("http://[::1]:4010/v1", "http://[::1]:4010/v1/")]
    [InlineData("http://127.1:4010/v1", "http://127.0.0.1:4010/v1/")]
    [InlineData("http://[0:0:0:0:0:0:0:1]:4010/v1", "http://[::1]:4010/v1/")]
    public void AcceptedApiUrlEndsInSlash(string apiUrl, string expected)
    {
        var (request, error) = Create(new CommonSettings(apiUrl, false, null, null, false), Key);

        Assert.Equal("", error);
        Assert.NotNull(request);
        Assert.Equal(new Uri(expected), request.ApiBaseAddress);
        Assert.Equal(Key, request.ApiKey?.Reveal());
    }

    [Fact]
    public void DefaultApiUrlIsPagecall()
    {
        var (request, error) = Create(new CommonSettings(null, false, null, null, false), Key);

        Assert.Equal("", error);
        Assert.NotNull(request);
        Assert.False(request.UseEmulator);
        Assert.Equal(new Uri("https://api.pagecall.com/v1/"), request.ApiBaseAddress);
        Assert.Equal(new Uri("https://app.pagecall.com/meet"), request.MeetBaseAddress);
    }

    [Theory]
    [InlineData("http://example.com", "uses plain http to a host that is not loopback")]
    [InlineData("http://192.168.1.20:4010/v1", "uses plain http to a host that is not loopback")]
    [InlineData("http://127.0.0.1.example.com/v1", "uses plain http to a host that is not loopback")]
    [InlineData("http://localhost.evil.example:4010/v1", "uses plain http to a host that is not loopback")]
    [InlineData("http://app.localhost:4010/v1", "uses plain http to a host that is not loopback")]
    [InlineData("http://admin:secret-password@127.0.0.1:4010/v1", "contains a user name or password")]
    [InlineData("ws://127.0.0.1:4010/v1", "is not an absolute http or https URL")]
    [InlineData("file:///tmp/v1", "is not an absolute http or https URL")]
    [InlineData("http://127.0.0.1:99999/v1", "is not an absolute http or https URL")]
    [InlineData("ftp://example.com/v1", "is not an absolute http or https URL")]
    [InlineData("api.pagecall.com/v1", "is not an absolute http or https URL")]
    [InlineData("https://api.pagecall.com/v1?region=eu", "contains a query or fragment")]
    [InlineData("https://admin:secret-password@api.pagecall.com/v1", "contains a user name or password")]
    public void RejectedApiUrlNamesProblem(string apiUrl, string problem)
    {
        var (request, error) = Create(new CommonSettings(apiUrl, false, null, null, false), Key);

        Assert.Null(request);
        Assert.Contains(problem, error);
        Assert.DoesNotContain("secret-password", error);
        Assert.DoesNotContain(Key, error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void MissingKeyNamesVariable(string? key)
    {
        var (request, error) = Create(new CommonSettings(null, false, null, null, false), key);

        Assert.Null(request);
        Assert.Contains("The environment variable PAGECALL_API_KEY is not set.", error);
    }

    [Fact]
    public void EmulatorNeedsNoKey()
    {
        var (request, error) = Create(new CommonSettings(null, true, "https://meet.example.com/join", null, false), null);

        Assert.Equal("", error);
        Assert.NotNull(request);
        Assert.True(request.UseEmulator);
        Assert.Null(request.ApiKey);
        Assert.Equal(new Uri("https://meet.example.com/join"), request.MeetBaseAddress);
    }

    [Fact]
    public void InvalidMeetUrlRejected()
    {
        var (request, error) = Create(new CommonSettings(null, true, "meet", null, false), null);

        Assert.Null(request);
        Assert.Contains("--meet-url \"meet\" is not an absolute http or https URL", error);
    }

    [Theory]
    [InlineData("https://meet.example.com/join", false)]
    [InlineData("https://meet.example.com/join?lang=en", false)]
    [InlineData("http://127.0.0.1:4010/meet", false)]
    [InlineData("http://localhost:4010/meet", false)]
    [InlineData("http://[::1]:4010/meet", false)]
    [InlineData("https://meet.example.com/join", true)]
    [InlineData("http://127.0.0.1:4010/meet", true)]
    public void AcceptedMeetUrlIsKept(string meetUrl, bool useEmulator)
    {
        var (request, error) = Create(new CommonSettings(null, useEmulator, meetUrl, null, false), Key);

        Assert.Equal("", error);
        Assert.NotNull(request);
        Assert.Equal(new Uri(meetUrl), request.MeetBaseAddress);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4010/v1/", "http://127.0.0.1:4010/meet")]
    [InlineData("http://localhost:4010/v1", "http://localhost:4010/meet")]
    [InlineData("https://pagecall.example.com/v1", "https://app.pagecall.com/meet")]
    public void DefaultMeetUrlFollowsApiHost(string apiUrl, string expected)
    {
        var (request, error) = Create(new CommonSettings(apiUrl, false, null, null, false), Key);

        Assert.Equal("", error);
        Assert.NotNull(request);
        Assert.Equal(new Uri(expected), request.MeetBaseAddress);
    }

    [Theory]
    [InlineData("http://meet.example.com/join", false)]
    [InlineData("http://meet.example.com/join", true)]
    [InlineData("http://192.168.1.20:4010/meet", true)]
    [InlineData("http://127.0.0.1.example.com/meet", false)]
    [InlineData("http://app.localhost:4010/meet", true)]
    public void PlainHttpMeetUrlRejected(string meetUrl, bool useEmulator)
    {
        var (request, error) = Create(new CommonSettings(null, useEmulator, meetUrl, null, false), Key);

        Assert.Null(request);
        Assert.Contains($"--meet-url \"{meetUrl}\" uses plain http to a host that is not loopback", error);
        Assert.Contains("access tokens in the invite links would be sent unencrypted", error);
        Assert.Contains("Use an https address", error);
    }

    [Theory]
    [InlineData("https://admin:secret-password@meet.example.com/join", "https://meet.example.com/join")]
    [InlineData("http://admin:secret-password@127.0.0.1:4010/meet", "http://127.0.0.1:4010/meet")]
    [InlineData("https://secret-password@meet.example.com/join", "https://meet.example.com/join")]
    public void MeetUrlWithUserInfoRejected(string meetUrl, string shownAddress)
    {
        var (request, error) = Create(new CommonSettings(null, false, meetUrl, null, false), Key);

        Assert.Null(request);
        Assert.Contains("--meet-url contains a user name or password", error);
        Assert.Contains($"Remove it, as in {shownAddress}.", error);
        Assert.DoesNotContain("secret-password", error);
        Assert.DoesNotContain(Key, error);
    }

    private static (ConnectionRequest? Request, string Error) Create(CommonSettings settings, string? key)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new ConsoleOutput(output, error, Color: false, Interactive: false);
        var request = ConnectionRequest.Create(
            settings, name => name == CommonOptions.ApiKeyVariable ? key : null, console);
        return (request, error.ToString());
    }
}
