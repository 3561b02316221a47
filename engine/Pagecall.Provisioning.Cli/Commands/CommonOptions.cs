using System.CommandLine;
using System.Globalization;

namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>The options that every command accepts, declared once on the root command.</summary>
internal sealed class CommonOptions
{
    /// <summary>The API base address used when neither <c>--api-url</c> nor <c>--emulator</c> is given.</summary>
    public const string DefaultApiUrl = "https://api.pagecall.com/v1";

    /// <summary>The base of invite links when neither <c>--meet-url</c> nor <c>--emulator</c> is given.</summary>
    public const string DefaultMeetUrl = "https://app.pagecall.com/meet";

    /// <summary>The environment variable that contains the API key.</summary>
    public const string ApiKeyVariable = "PAGECALL_API_KEY";

    public Option<string?> ApiUrl { get; } = new("--api-url")
    {
        Description = $"Base address of the Pagecall API [default: {DefaultApiUrl}]. Plain http is accepted only "
            + "for a loopback host.",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Start a local Pagecall emulator in this process, with its data in .pagecall/emulator.json "
            + "under the current folder, and use it in place of the API. No API key is needed.",
        Recursive = true,
    };

    public Option<string?> MeetUrl { get; } = new("--meet-url")
    {
        Description = $"Base address of invite links [default: {DefaultMeetUrl}, or /meet on the emulator's host "
            + "with --emulator or a loopback --api-url]. Plain http is accepted only for a loopback host.",
        HelpName = "URL",
        Recursive = true,
    };

    public Option<double?> MaxRequestsPerSecond { get; } = CreateMaxRequestsPerSecond();

    public Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "Log every API request attempt and read step to standard error, and list every user and "
            + "room that the text plan leaves alone.",
        Recursive = true,
    };

    /// <summary>Adds the options to <paramref name="root"/>, from where every subcommand inherits them.</summary>
    public void AddTo(RootCommand root)
    {
        root.Options.Add(ApiUrl);
        root.Options.Add(Emulator);
        root.Options.Add(MeetUrl);
        root.Options.Add(MaxRequestsPerSecond);
        root.Options.Add(Verbose);
    }

    /// <summary>Reads the parsed values.</summary>
    public CommonSettings Read(ParseResult parseResult) => new(
        parseResult.GetValue(ApiUrl),
        parseResult.GetValue(Emulator),
        parseResult.GetValue(MeetUrl),
        parseResult.GetValue(MaxRequestsPerSecond),
        parseResult.GetValue(Verbose));

    private static Option<double?> CreateMaxRequestsPerSecond()
    {
        var option = new Option<double?>("--max-rps")
        {
            Description = "Maximum number of API requests per second, retries included [default: no limit].",
            HelpName = "N",
            Recursive = true,
        };
        option.Validators.Add(result =>
        {
            // Text that is not a number gets the parser's own error, and reading its value here would throw.
            if (result.Tokens is [var token]
                && double.TryParse(token.Value, CultureInfo.InvariantCulture, out var value)
                && !(value > 0 && double.IsFinite(value)))
            {
                result.AddError($"--max-rps must be a positive number of requests per second, but it is {token.Value}.");
            }
        });
        return option;
    }
}

/// <summary>The values of the common options as given on the command line.</summary>
/// <param name="ApiUrl">The <c>--api-url</c> text, or null when it was not given.</param>
/// <param name="UseEmulator">Whether <c>--emulator</c> was given.</param>
/// <param name="MeetUrl">The <c>--meet-url</c> text, or null when it was not given.</param>
/// <param name="MaxRequestsPerSecond">The <c>--max-rps</c> value, or null for no limit.</param>
/// <param name="Verbose">Whether <c>--verbose</c> was given.</param>
internal sealed record CommonSettings(
    string? ApiUrl, bool UseEmulator, string? MeetUrl, double? MaxRequestsPerSecond, bool Verbose);
