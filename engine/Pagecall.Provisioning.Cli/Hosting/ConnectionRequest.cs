using Pagecall.Provisioning.Cli.Commands;
using Pagecall.Provisioning.Live;

namespace Pagecall.Provisioning.Cli.Hosting;

/// <summary>
/// Where the commands send requests, checked before anything is read or sent: either the local emulator, or an API
/// address with the key from the environment.
/// </summary>
/// <param name="UseEmulator">Whether to start the local emulator. The API address and the key are then null.</param>
/// <param name="ApiBaseAddress">The API base address, ending in '/'.</param>
/// <param name="ApiKey">The API key from <see cref="CommonOptions.ApiKeyVariable"/>.</param>
/// <param name="MeetBaseAddress">The base of invite links, or null to use the emulator's.</param>
internal sealed record ConnectionRequest(
    bool UseEmulator, Uri? ApiBaseAddress, SensitiveValue? ApiKey, Uri? MeetBaseAddress)
{
    /// <summary>
    /// Checks the common options and the environment. Writes each problem to standard error and returns null when
    /// there is one, so the caller exits with <see cref="ExitCodes.InvalidInput"/> before any request.
    /// </summary>
    public static ConnectionRequest? Create(
        CommonSettings settings, Func<string, string?> readEnvironment, ConsoleOutput console)
    {
        var valid = true;
        Uri? meetBase = null;
        if (settings.MeetUrl is not null)
        {
            meetBase = ParseMeetUrl(settings.MeetUrl, console);
            valid &= meetBase is not null;
        }

        if (settings.UseEmulator)
        {
            if (settings.ApiUrl is not null)
            {
                console.WriteError("--api-url and --emulator cannot be used together. Remove --api-url to use the "
                    + "local emulator, or remove --emulator to use the API at that address.");
                return null;
            }

            return valid ? new ConnectionRequest(true, null, null, meetBase) : null;
        }

        var apiBase = ParseApiUrl(settings.ApiUrl ?? CommonOptions.DefaultApiUrl, console);
        valid &= apiBase is not null;
        var key = readEnvironment(CommonOptions.ApiKeyVariable);
        if (string.IsNullOrWhiteSpace(key))
        {
            console.WriteError($"The environment variable {CommonOptions.ApiKeyVariable} is not set. Set it to the "
                + "API key of the workspace, or pass --emulator to use a local emulator that needs no key.");
            valid = false;
        }

        if (!valid)
        {
            return null;
        }

        return new ConnectionRequest(false, apiBase, new SensitiveValue(key!.Trim()), meetBase ?? DefaultMeetBase(apiBase!));
    }

    /// <summary>
    /// Returns the invite link base when --meet-url is not given. A loopback API is an emulator, which serves its
    /// join check at /meet on the same host, so links to Pagecall's site would not work there.
    /// </summary>
    private static Uri DefaultMeetBase(Uri apiBase) =>
        apiBase.IsLoopback ? new Uri(apiBase, "/meet") : new Uri(CommonOptions.DefaultMeetUrl);

    /// <summary>
    /// Parses the API address. Plain http is accepted only for a loopback host, because the API key travels in a
    /// request header.
    /// </summary>
    private static Uri? ParseApiUrl(string text, ConsoleOutput console)
    {
        var address = ParseHttpUrl("--api-url", text, console);
        if (address is null)
        {
            return null;
        }

        if (address.UserInfo.Length > 0)
        {
            // The text is not repeated, because the user information may be a password.
            console.WriteError($"--api-url contains a user name or password, which the API does not use. Remove it, "
                + $"and set the API key in {CommonOptions.ApiKeyVariable}.");
            return null;
        }

        if (IsPlainHttpToRemoteHost(address))
        {
            console.WriteError($"--api-url \"{text}\" uses plain http to a host that is not loopback, so the API key "
                + "would be sent unencrypted. " + SecureAddressFix);
            return null;
        }

        if (address.Query.Length > 0 || address.Fragment.Length > 0)
        {
            console.WriteError($"--api-url \"{text}\" contains a query or fragment. Pass only the base address, such "
                + $"as {CommonOptions.DefaultApiUrl}.");
            return null;
        }

        // The generated client resolves relative paths such as "users", so the base must end in '/'.
        return address.AbsolutePath.EndsWith('/') ? address : new Uri(address.AbsoluteUri + "/");
    }

    /// <summary>
    /// Parses the base of invite links. Plain http is accepted only for a loopback host, because every link
    /// contains the access token of its user. A query is kept, and the links append their parameters to it.
    /// </summary>
    private static Uri? ParseMeetUrl(string text, ConsoleOutput console)
    {
        var address = ParseHttpUrl("--meet-url", text, console);
        if (address is null)
        {
            return null;
        }

        if (address.UserInfo.Length > 0)
        {
            // Only the address without the user information is shown, because that part may be a password.
            var withoutUserInfo = new UriBuilder(address) { UserName = "", Password = "" }.Uri;
            console.WriteError("--meet-url contains a user name or password, which would be written into every "
                + $"invite link. Remove it, as in {withoutUserInfo.AbsoluteUri}.");
            return null;
        }

        if (IsPlainHttpToRemoteHost(address))
        {
            console.WriteError($"--meet-url \"{text}\" uses plain http to a host that is not loopback, so the "
                + "access tokens in the invite links would be sent unencrypted. " + SecureAddressFix);
            return null;
        }

        return address;
    }

    private const string SecureAddressFix =
        "Use an https address, or a loopback host (localhost, 127.0.0.1 or [::1]) for a local emulator.";

    /// <summary>
    /// Returns whether the address uses plain http to a host other than localhost, 127.0.0.0/8 or ::1, where a
    /// secret in the request would be readable on the network.
    /// </summary>
    private static bool IsPlainHttpToRemoteHost(Uri address) =>
        address.Scheme == Uri.UriSchemeHttp && !address.IsLoopback;

    private static Uri? ParseHttpUrl(string option, string text, ConsoleOutput console)
    {
        if (Uri.TryCreate(text, UriKind.Absolute, out var address)
            && (address.Scheme == Uri.UriSchemeHttps || address.Scheme == Uri.UriSchemeHttp))
        {
            return address;
        }

        console.WriteError($"{option} \"{text}\" is not an absolute http or https URL. Write a full address such as "
            + $"{(option == "--api-url" ? CommonOptions.DefaultApiUrl : CommonOptions.DefaultMeetUrl)}.");
        return null;
    }
}
