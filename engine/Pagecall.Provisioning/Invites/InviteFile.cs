using System.Text;

namespace Pagecall.Provisioning.Invites;

/// <summary>
/// Writes invite links to a CSV file (RFC 4180) that only its owner can read, because every link contains an
/// access token.
/// </summary>
public static class InviteFile
{
    /// <summary>The header row.</summary>
    public const string Header = "room_name,room_id,user_id,member_type,url";

    /// <summary>
    /// Writes <paramref name="links"/> to <paramref name="path"/>, replacing any file there. The rows go to a new
    /// temporary file in the same folder, created with mode 0600 on Unix, which is then renamed over the target.
    /// So a reader never sees a half-written file, and other users cannot read the tokens at any point.
    /// </summary>
    /// <remarks>
    /// Lines end with CRLF, as RFC 4180 specifies. A field that contains a comma, a double quote or a line break
    /// is quoted, with its double quotes doubled. A field that starts with <c>=</c>, <c>+</c>, <c>-</c>,
    /// <c>@</c>, a tab or a carriage return gets a leading apostrophe, so spreadsheets show it as text instead of
    /// running it as a formula. That changes such a value as the file stores it.
    /// </remarks>
    /// <exception cref="IOException">The folder is missing or the file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The folder or the file is not writable.</exception>
    public static async Task WriteAsync(string path, IReadOnlyList<InviteLink> links, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(links);
        var fullPath = Path.GetFullPath(path);
        var folder = Path.GetDirectoryName(fullPath)!;
        var temporary = Path.Combine(folder, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions
        {
            Mode = FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = FileOptions.Asynchronous,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            {
                var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(Format(links));
                await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
                await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, fullPath, overwrite: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
            or OperationCanceledException)
        {
            // File.Delete ignores a missing file, so this also covers a temporary file that was never created.
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Returns the whole CSV text: the header and one row per link.</summary>
    internal static string Format(IReadOnlyList<InviteLink> links)
    {
        var text = new StringBuilder(Header).Append("\r\n");
        foreach (var link in links)
        {
            string[] fields = [link.RoomName, link.RoomId, link.UserId, link.MemberType, link.Url.Reveal()];
            text.AppendJoin(',', fields.Select(Field)).Append("\r\n");
        }

        return text.ToString();
    }

    /// <summary>Returns one field, guarded against formula injection and quoted when RFC 4180 requires it.</summary>
    internal static string Field(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
    }
}
