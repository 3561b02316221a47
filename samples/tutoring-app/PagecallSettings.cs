namespace Pagecall.Samples.Tutoring;

/// <summary>
/// Where the app sends Pagecall API requests and where its invite links point, read from the configuration
/// section <c>Pagecall</c> (environment variables <c>Pagecall__ApiBaseAddress</c> and so on).
/// </summary>
public sealed class PagecallSettings
{
    /// <summary>The name of the configuration section that contains the settings.</summary>
    public const string SectionName = "Pagecall";

    /// <summary>The join page of Pagecall's invite links, used when <c>Pagecall:MeetBaseAddress</c> is not set.</summary>
    public static readonly Uri DefaultMeetBaseAddress = new("https://app.pagecall.com/meet");

    private PagecallSettings(Uri apiBaseAddress, string apiKey, Uri meetBaseAddress)
    {
        ApiBaseAddress = apiBaseAddress;
        ApiKey = apiKey;
        MeetBaseAddress = meetBaseAddress;
    }

    /// <summary>The API base address, ending with '/', such as <c>https://api.pagecall.com/v1/</c>.</summary>
    public Uri ApiBaseAddress { get; }

    /// <summary>The workspace API key. It is a secret: the app sends it only in the Authorization header.</summary>
    public string ApiKey { get; }

    /// <summary>The join page that invite links point to. The room id and access token go into its query string.</summary>
    public Uri MeetBaseAddress { get; }

    /// <summary>Reads and checks the settings.</summary>
    /// <param name="configuration">The app configuration.</param>
    /// <returns>The settings.</returns>
    /// <exception cref="InvalidOperationException">A setting is missing or invalid. The message names the setting and the fix.</exception>
    public static PagecallSettings Read(IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);

        var apiBaseAddress = ReadAbsoluteUri(section, "ApiBaseAddress", defaultValue: null);

        // The generated client sends relative paths, so a base address without the trailing '/' would drop "/v1".
        if (!apiBaseAddress.AbsolutePath.EndsWith('/'))
        {
            apiBaseAddress = new Uri(apiBaseAddress.AbsoluteUri + "/");
        }

        var apiKey = section["ApiKey"];
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            throw new InvalidOperationException(
                "The setting Pagecall:ApiKey is missing. Set the environment variable Pagecall__ApiKey to the "
                + "workspace API key.");
        }

        var meetBaseAddress = ReadAbsoluteUri(section, "MeetBaseAddress", DefaultMeetBaseAddress);
        return new PagecallSettings(apiBaseAddress, apiKey, meetBaseAddress);
    }

    private static Uri ReadAbsoluteUri(IConfigurationSection section, string name, Uri? defaultValue)
    {
        var text = section[name];
        if (string.IsNullOrWhiteSpace(text))
        {
            return defaultValue ?? throw new InvalidOperationException(
                $"The setting {SectionName}:{name} is missing. Set the environment variable {SectionName}__{name} "
                + "to an absolute http or https address.");
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException(
                $"The setting {SectionName}:{name} has the invalid value '{text}'. Use an absolute http or https "
                + "address.");
        }

        return uri;
    }
}
