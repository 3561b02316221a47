using Pagecall.Emulator.Api;

namespace Pagecall.Emulator.Hosting;

/// <summary>
/// Selects the workspace from <c>Authorization: Bearer &lt;key&gt;</c>. A missing or unknown key gets a 401.
/// </summary>
internal sealed class ApiKeyMiddleware(RequestDelegate next, WorkspaceDirectory workspaces)
{
    private const string BearerPrefix = "Bearer ";

    public Task InvokeAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (header.Length == 0)
        {
            throw ApiErrors.Unauthorized(headerPresent: false);
        }

        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)
            || !workspaces.TryGetWorkspaceId(header[BearerPrefix.Length..].Trim(), out var workspaceId))
        {
            throw ApiErrors.Unauthorized(headerPresent: true);
        }

        context.Items[ApiRouting.WorkspaceItemKey] = workspaceId;
        return next(context);
    }
}

/// <summary>The accepted API keys and the workspace each one addresses.</summary>
internal sealed class WorkspaceDirectory
{
    private readonly Dictionary<string, string> _workspaceIds;

    public WorkspaceDirectory(IEnumerable<string> apiKeys)
    {
        _workspaceIds = apiKeys.Distinct(StringComparer.Ordinal)
            .ToDictionary(key => key, State.Identifiers.WorkspaceIdFor, StringComparer.Ordinal);
    }

    public int Count => _workspaceIds.Count;

    public bool TryGetWorkspaceId(string apiKey, out string workspaceId) =>
        _workspaceIds.TryGetValue(apiKey, out workspaceId!);
}
