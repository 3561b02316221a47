using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Pagecall.Emulator;

/// <summary>Parses the emulator's command line into <see cref="EmulatorOptions"/>.</summary>
internal static class CommandLine
{
    public const string ApiKeysVariable = "PAGECALL_EMULATOR_API_KEYS";
    public const string DefaultUrl = "http://127.0.0.1:4010";

    public const string Help = $"""
        Pagecall emulator: a local Pagecall REST API v1 for development and tests.

        Usage: Pagecall.Emulator [options]

        Options:
          --urls URL              Address to listen on; repeatable, or several separated by ';'.
                                  Default: {DefaultUrl}. An address other than loopback, such
                                  as http://0.0.0.0:4010, prints a warning.
          --api-key KEY           An accepted API key; repeatable. Each key is its own workspace.
                                  Keys in the environment variable {ApiKeysVariable}
                                  (comma-separated) are added, and at least one key is required.
          --data FILE             Keep the state in FILE (JSON), loaded at start and rewritten
                                  atomically after every change. Default: memory only.
          --seed N                Seed of the fault injection draws (integer). Default: random.
          --latency MS|MIN-MAX    Delay added to each /v1 request, in milliseconds: fixed or a
                                  uniform range. Default: 0.
          --rate-limit N          Requests per second that /v1 accepts; more get 429 with
                                  Retry-After. Default: 0 (no limit).
          --error-rate F          Fraction (0-1) of /v1 requests answered 500 or 503. Default: 0.
          --throttle-rate F       Fraction (0-1) of /v1 requests answered 429 with Retry-After: 1,
                                  drawn from the seed. Default: 0.
          --lost-write-rate F     Fraction (0-1) of /v1 writes that are committed but whose
                                  response is replaced. Default: 0.
          --lost-write-mode M     status (answer 500), drop (abort the connection) or hang
                                  (no response until the client gives up). Default: status.
          -h, --help              Show this help.
        """;

    /// <summary>Parses the arguments; returns null when help was requested.</summary>
    /// <exception cref="FormatException">An option is unknown, lacks its value, or has an invalid value.</exception>
    public static EmulatorOptions? Parse(IReadOnlyList<string> args, string? apiKeysVariable)
    {
        var urls = new List<string>();
        var apiKeys = new List<string>();
        string? dataFile = null;
        var faults = new FaultOptions();

        for (var index = 0; index < args.Count; index++)
        {
            var (name, inlineValue) = Split(args[index]);
            if (name is "-h" or "--help")
            {
                return null;
            }

            string Value() => inlineValue ?? (index + 1 < args.Count
                ? args[++index]
                : throw new FormatException($"The option '{name}' needs a value. Run with --help to list the options."));

            switch (name)
            {
                case "--urls":
                    urls.AddRange(SplitList(Value(), ';').Select(CheckUrl));
                    break;
                case "--api-key":
                    apiKeys.Add(CheckApiKey(Value()));
                    break;
                case "--data":
                    dataFile = Value();
                    break;
                case "--seed":
                    faults = faults with { Seed = ParseInteger(name, Value()) };
                    break;
                case "--latency":
                    var (min, max) = ParseLatency(Value());
                    faults = faults with { LatencyMinMilliseconds = min, LatencyMaxMilliseconds = max };
                    break;
                case "--rate-limit":
                    faults = faults with { RateLimitPerSecond = ParseNumber(name, Value()) };
                    break;
                case "--error-rate":
                    faults = faults with { ErrorRate = ParseNumber(name, Value()) };
                    break;
                case "--throttle-rate":
                    faults = faults with { ThrottleRate = ParseNumber(name, Value()) };
                    break;
                case "--lost-write-rate":
                    faults = faults with { LostWriteRate = ParseNumber(name, Value()) };
                    break;
                case "--lost-write-mode":
                    faults = faults with { LostWriteMode = ParseLostWriteMode(Value()) };
                    break;
                default:
                    throw new FormatException($"Unknown option '{args[index]}'. Run with --help to list the options.");
            }
        }

        apiKeys.AddRange(SplitList(apiKeysVariable ?? "", ','));
        if (apiKeys.Count == 0)
        {
            throw new FormatException($"The API key is missing. Pass --api-key KEY or set {ApiKeysVariable}.");
        }

        try
        {
            faults.Validate();
        }
        catch (ArgumentException exception)
        {
            throw new FormatException(exception.Message, exception);
        }

        return new EmulatorOptions
        {
            Urls = urls.Count > 0 ? urls : [DefaultUrl],
            ApiKeys = apiKeys,
            DataFile = dataFile,
            Faults = faults,
            StopOnConsoleSignals = true,
        };
    }

    /// <summary>
    /// Checks an address the way Kestrel reads it, so that a typo exits with a usage error instead of failing later
    /// with an exception at start-up. Only http is accepted, because the emulator has no certificate to serve https.
    /// </summary>
    private static string CheckUrl(string url)
    {
        BindingAddress? address = null;
        try
        {
            address = BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            // Reported below with the option name and an example.
        }

        var valid = address is not null
            && address.Scheme.Equals("http", StringComparison.OrdinalIgnoreCase)
            && (address.IsUnixPipe || address.Port is >= 0 and <= 65535);
        return valid
            ? url
            : throw new FormatException(
                $"The value '{url}' of '--urls' is not a valid http address. Pass one such as http://127.0.0.1:4010.");
    }

    /// <summary>
    /// Returns a warning that names the addresses other machines can reach, or null when every address is loopback
    /// or a Unix socket. The emulator has no HTTPS, its API returns access tokens, and /meet admits anyone to open
    /// rooms, so it is meant for loopback. Binding to all interfaces is still allowed, because a container needs it.
    /// </summary>
    public static string? NetworkExposureWarning(IEnumerable<string> urls)
    {
        var exposed = urls.Where(url => !IsLoopbackUrl(url)).ToList();
        if (exposed.Count == 0)
        {
            return null;
        }

        return $"Warning: the emulator listens on {string.Join(", ", exposed)}, which other machines can reach. "
            + "It has no HTTPS, its API returns users' access tokens to any caller with a key, and /meet admits "
            + "anyone to open rooms. Use --urls http://127.0.0.1:PORT unless other machines, such as a container's "
            + "host, must reach it.";
    }

    /// <summary>
    /// Returns true when Kestrel binds the address to loopback only: a loopback IP address, <c>localhost</c> or a
    /// Unix socket. Kestrel (ASP.NET Core 10) binds any other host name, <c>*</c> and <c>+</c> to every interface.
    /// </summary>
    internal static bool IsLoopbackUrl(string url)
    {
        var address = BindingAddress.Parse(url);
        if (address.IsUnixPipe || address.Host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var host = address.Host.TrimStart('[').TrimEnd(']');
        return System.Net.IPAddress.TryParse(host, out var ip) && System.Net.IPAddress.IsLoopback(ip);
    }

    private static string CheckApiKey(string key) =>
        string.IsNullOrWhiteSpace(key)
            ? throw new FormatException("The value of '--api-key' is empty. Pass a non-empty key, such as --api-key dev-key.")
            : key;

    private static string[] SplitList(string value, char separator) =>
        value.Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static (string Name, string? InlineValue) Split(string argument)
    {
        var equals = argument.IndexOf('=', StringComparison.Ordinal);
        return argument.StartsWith("--", StringComparison.Ordinal) && equals > 0
            ? (argument[..equals], argument[(equals + 1)..])
            : (argument, null);
    }

    private static (int Min, int Max) ParseLatency(string value)
    {
        var parts = value.Split('-');
        var min = ParseInteger("--latency", parts[0]);
        var max = parts.Length switch
        {
            1 => min,
            2 => ParseInteger("--latency", parts[1]),
            _ => throw new FormatException($"The value '{value}' of '--latency' must be MS or MIN-MAX, such as 20-80."),
        };
        return (min, max);
    }

    private static int ParseInteger(string option, string value) =>
        int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"The value '{value}' of '{option}' must be an integer.");

    private static double ParseNumber(string option, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var result)
            ? result
            : throw new FormatException($"The value '{value}' of '{option}' must be a number, such as 0.1.");

    private static LostWriteMode ParseLostWriteMode(string value) => value.ToLowerInvariant() switch
    {
        "status" => LostWriteMode.Status,
        "drop" => LostWriteMode.Drop,
        "hang" => LostWriteMode.Hang,
        _ => throw new FormatException(
            $"The value '{value}' of '--lost-write-mode' must be 'status', 'drop' or 'hang'."),
    };
}
