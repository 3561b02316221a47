namespace Pagecall.Emulator.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public void ParsesEveryFlag()
    {
        string[] args =
        [
            "--urls", "http://127.0.0.1:4010", "--api-key", "a", "--api-key=b", "--data", "state.json",
            "--seed", "42", "--latency", "20-80", "--rate-limit", "50", "--error-rate", "0.1",
            "--lost-write-rate", "0.02", "--lost-write-mode", "drop",
        ];

        var options = CommandLine.Parse(args, apiKeysVariable: "c, d");

        Assert.NotNull(options);
        Assert.Equal(["http://127.0.0.1:4010"], options.Urls);
        Assert.Equal(["a", "b", "c", "d"], options.ApiKeys);
        Assert.Equal("state.json", options.DataFile);
        Assert.Equal(
            new FaultOptions
            {
                Seed = 42,
                LatencyMinMilliseconds = 20,
                LatencyMaxMilliseconds = 80,
                RateLimitPerSecond = 50,
                ErrorRate = 0.1,
                LostWriteRate = 0.02,
                LostWriteMode = LostWriteMode.Drop,
            },
            options.Faults);
    }

    [Fact]
    public void DefaultsToPort4010AndNoFaults()
    {
        var options = CommandLine.Parse(["--api-key", "k"], apiKeysVariable: null);

        Assert.NotNull(options);
        Assert.Equal([CommandLine.DefaultUrl], options.Urls);
        Assert.Null(options.DataFile);
        Assert.Equal(new FaultOptions(), options.Faults);
    }

    [Fact]
    public void FixedLatencySetsBothBounds()
    {
        var options = CommandLine.Parse(["--api-key", "k", "--latency", "25"], apiKeysVariable: null);

        Assert.Equal(25, options!.Faults.LatencyMinMilliseconds);
        Assert.Equal(25, options.Faults.LatencyMaxMilliseconds);
    }

    [Theory]
    [InlineData("status", LostWriteMode.Status)]
    [InlineData("drop", LostWriteMode.Drop)]
    [InlineData("hang", LostWriteMode.Hang)]
    public void ParsesEveryLostWriteMode(string value, LostWriteMode expected)
    {
        var options = CommandLine.Parse(["--api-key", "k", "--lost-write-mode", value], apiKeysVariable: null);

        Assert.NotNull(options);
        Assert.Equal(expected, options.Faults.LostWriteMode);
    }

    [Fact]
    public void KeysMayComeOnlyFromEnvironment()
    {
        var options = CommandLine.Parse([], apiKeysVariable: "env-key");

        Assert.Equal(["env-key"], options!.ApiKeys);
    }

    [Theory]
    [InlineData("http://localhost:4010")]
    [InlineData("http://127.0.0.1:0")]
    [InlineData("http://[::1]:4010")]
    [InlineData("http://*:4010")]
    [InlineData("http://+:4010")]
    public void AcceptsKestrelAddressForms(string url)
    {
        var options = CommandLine.Parse(["--api-key", "k", "--urls", url], apiKeysVariable: null);

        Assert.Equal([url], options!.Urls);
    }

    [Theory]
    [InlineData("http://127.0.0.1:4010", true)]
    [InlineData("http://127.0.0.2:4010", true)]
    [InlineData("http://localhost:4010", true)]
    [InlineData("http://LOCALHOST:4010", true)]
    [InlineData("http://[::1]:4010", true)]
    [InlineData("http://unix:/tmp/emulator.sock", true)]
    [InlineData("http://0.0.0.0:4010", false)]
    [InlineData("http://*:4010", false)]
    [InlineData("http://+:4010", false)]
    [InlineData("http://[::]:4010", false)]
    [InlineData("http://192.168.1.20:4010", false)]
    [InlineData("http://emulator.example:4010", false)]
    public void LoopbackCheckMatchesKestrelBinding(string url, bool loopback) =>
        Assert.Equal(loopback, CommandLine.IsLoopbackUrl(url));

    [Fact]
    public void LoopbackUrlsGetNoWarning() =>
        Assert.Null(CommandLine.NetworkExposureWarning(["http://127.0.0.1:4010", "http://localhost:4011"]));

    [Fact]
    public void ExposedUrlWarningNamesAddressAndRisk()
    {
        var warning = CommandLine.NetworkExposureWarning(["http://127.0.0.1:4010", "http://0.0.0.0:4011"]);

        Assert.NotNull(warning);
        Assert.Contains("http://0.0.0.0:4011", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("http://127.0.0.1:4010", warning, StringComparison.Ordinal);
        Assert.Contains("access tokens", warning, StringComparison.Ordinal);
        Assert.Contains("/meet", warning, StringComparison.Ordinal);
        Assert.Contains("--urls http://127.0.0.1:", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void HelpReturnsNull() => Assert.Null(CommandLine.Parse(["--help"], apiKeysVariable: null));

    [Theory]
    [InlineData("--api-key k --bogus 1", "--bogus")]
    [InlineData("--api-key k --seed", "--seed")]
    [InlineData("--api-key k --latency 80-20", "latency")]
    [InlineData("--api-key k --latency a-b", "--latency")]
    [InlineData("--api-key k --error-rate 2", "ErrorRate")]
    [InlineData("--api-key k --lost-write-mode later", "--lost-write-mode")]
    [InlineData("--data x.json", "--api-key")]
    [InlineData("--api-key ", "--api-key")]
    [InlineData("--api-key k --urls notaurl", "'notaurl' of '--urls'")]
    [InlineData("--api-key k --urls http://127.0.0.1:99999", "'http://127.0.0.1:99999' of '--urls'")]
    [InlineData("--api-key k --urls https://127.0.0.1:4010", "'https://127.0.0.1:4010' of '--urls'")]
    public void RejectsInvalidArguments(string args, string named)
    {
        var error = Assert.Throws<FormatException>(() =>
            CommandLine.Parse(args.Split(' '), apiKeysVariable: null));

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }
}
