namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>The environment variable list that ends the description of each command in <c>--help</c>.</summary>
internal static class EnvironmentHelp
{
    /// <summary>
    /// Appends the environment variables that plan and apply read to <paramref name="description"/>. CI is listed
    /// only when <paramref name="readsCi"/> is set, because only the apply progress output reads it.
    /// </summary>
    public static string Append(string description, bool readsCi)
    {
        var lines = new List<string>
        {
            description,
            "",
            "Environment variables:",
            $"  {CommonOptions.ApiKeyVariable}  API key of the workspace (required unless --emulator is given).",
            "  NO_COLOR          Any non-empty value turns colour off.",
        };
        if (readsCi)
        {
            lines.Add("  CI                Any non-empty value writes one line per change, even on a terminal.");
        }

        lines.Add("  HTTPS_PROXY, HTTP_PROXY, NO_PROXY  Proxy for a remote API, not used for loopback addresses.");
        lines.Add("  PAGECALL_PROVISION_*  Configuration keys, such as PAGECALL_PROVISION_Logging__LogLevel__Default.");
        return string.Join(Environment.NewLine, lines);
    }
}
