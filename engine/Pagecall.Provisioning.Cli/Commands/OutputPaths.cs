namespace Pagecall.Provisioning.Cli.Commands;

/// <summary>
/// Checks the paths of output options (<c>--out</c>, <c>--invites</c>, <c>--journal</c>) before any request, so a
/// typo in a path fails the command before apply changes the workspace.
/// </summary>
internal static class OutputPaths
{
    /// <summary>
    /// Checks that each path given can be written: its folder exists, it is not a folder, and an existing file can
    /// be opened for writing. Writes one error per bad path and returns false when there is one.
    /// </summary>
    /// <param name="options">Pairs of option name and path. A null path means the option was not given.</param>
    /// <param name="console">Receives the error messages.</param>
    public static bool CheckWritable(IEnumerable<(string Option, string? Path)> options, ConsoleOutput console)
    {
        var valid = true;
        foreach (var (option, path) in options)
        {
            if (path is not null && FindProblem(path) is { } problem)
            {
                console.WriteError($"{option} \"{path}\" cannot be written: {problem}. Nothing was read or sent.");
                valid = false;
            }
        }

        return valid;
    }

    private static string? FindProblem(string path)
    {
        string fullPath;
        try
        {
            fullPath = Path.GetFullPath(path);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"the path is invalid ({exception.Message.TrimEnd('.')})";
        }

        if (path.Length == 0 || Directory.Exists(fullPath))
        {
            return "the path is a folder, not a file. Pass a file path, such as a name inside that folder";
        }

        var folder = Path.GetDirectoryName(fullPath);
        if (folder is null || !Directory.Exists(folder))
        {
            return $"the folder {folder ?? fullPath} does not exist. Create it first, or choose a path in an existing folder";
        }

        try
        {
            if (File.Exists(fullPath))
            {
                // Opening without truncation checks the permission and leaves the content as it is.
                using var existing = new FileStream(fullPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            }
            else
            {
                var probePath = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.probe");
                using var probe = new FileStream(
                    probePath, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return $"{exception.Message.TrimEnd('.')}. Check the permissions of the file and its folder";
        }

        return null;
    }
}
