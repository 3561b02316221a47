using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pagecall.Emulator.State;

/// <summary>
/// Reads and writes the state file that <c>--data</c> names. From <see cref="LoadOrCreate"/> until dispose it holds
/// an exclusive lock on a sibling lock file, so a second emulator on the same file fails at start-up instead of
/// overwriting the first one's changes.
/// </summary>
internal class StateFile(string path) : IDisposable
{
    private FileStream? _lock;

    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>The lock file next to the state file, such as <c>emulator.json.lock</c>.</summary>
    public string LockPath => Path + ".lock";

    /// <summary>
    /// Loads the state, or creates the file with an empty state when it does not exist yet, so a path that
    /// cannot be written fails at start-up rather than on the first change.
    /// </summary>
    /// <exception cref="EmulatorStartupException">The file cannot be read, parsed or created.</exception>
    public StateDocument LoadOrCreate()
    {
        if (Directory.Exists(Path))
        {
            throw Unreadable("the path is a folder, not a file");
        }

        AcquireLock();
        RestrictExistingFile();

        if (!File.Exists(Path))
        {
            var empty = new StateDocument();
            try
            {
                Save(empty);
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                throw Unreadable($"the file cannot be created: {exception.Message}");
            }

            return empty;
        }

        StateDocument? document;
        try
        {
            using var stream = File.OpenRead(Path);
            document = JsonSerializer.Deserialize(stream, StateJsonContext.Default.StateDocument);
        }
        catch (JsonException exception)
        {
            throw Unreadable(JsonErrorText.Describe(exception));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(exception.Message);
        }

        if (document is null)
        {
            throw Unreadable("the file contains JSON null instead of a state object");
        }

        if (document.Version != StateDocument.CurrentVersion)
        {
            throw Unreadable($"state version {document.Version} is not supported (expected {StateDocument.CurrentVersion})");
        }

        return document;
    }

    /// <summary>Writes the state atomically, as <see cref="Write"/> does.</summary>
    public void Save(StateDocument document) => Write(Serialize(document));

    /// <summary>Serializes the state to the UTF-8 JSON that the file contains.</summary>
    public static byte[] Serialize(StateDocument document) =>
        JsonSerializer.SerializeToUtf8Bytes(document, StateJsonContext.Default.StateDocument);

    /// <summary>
    /// Replaces the file's content atomically. A temporary file in the same folder is written, flushed to disk and
    /// renamed over the target, so after a crash the file contains either the old state or the new one.
    /// </summary>
    public virtual void Write(byte[] content)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temporaryPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, OwnerOnly(FileMode.CreateNew, FileAccess.Write)))
            {
                stream.Write(content);
                stream.Flush(flushToDisk: true);
            }

            // NOTE: the folder entry is not flushed after the rename, so a power loss (not a process kill) right
            // after it may bring back the previous file on some file systems.
            File.Move(temporaryPath, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    /// <summary>Releases the lock, so another emulator can use the file.</summary>
    public void Dispose()
    {
        _lock?.Dispose();
        _lock = null;
    }

    /// <exception cref="EmulatorStartupException">Another emulator holds the lock, or the lock file cannot be created.</exception>
    private void AcquireLock()
    {
        // NOTE: on Unix, .NET implements FileShare.None with an advisory flock, which only processes that also
        // lock the file respect, and DOTNET_SYSTEM_IO_DISABLEFILELOCKING=1 turns it off.
        try
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
            _lock = new FileStream(LockPath, OwnerOnly(FileMode.OpenOrCreate, FileAccess.ReadWrite));
        }
        catch (IOException exception) when (File.Exists(LockPath))
        {
            throw new EmulatorStartupException(
                $"The emulator state file '{Path}' is in use by another emulator run, which holds the lock file "
                + $"'{LockPath}'. Wait for that run to end, or use another state file, which is --data on the "
                + "command line and EmulatorOptions.DataFile in code.",
                exception)
            {
                LockedStateFile = System.IO.Path.GetFullPath(Path),
            };
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw Unreadable($"the lock file '{LockPath}' cannot be created: {exception.Message}");
        }
    }

    /// <summary>Limits a state file written by an older version, which may be readable by everyone, to its owner.</summary>
    private void RestrictExistingFile()
    {
        if (OperatingSystem.IsWindows() || !File.Exists(Path))
        {
            return;
        }

        try
        {
            File.SetUnixFileMode(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // A file of another owner keeps its mode, and the first save replaces it with an owner-only file.
        }
    }

    /// <summary>
    /// Returns options that create the file readable and writable by its owner only (mode 0600 on Unix), because the
    /// state contains access tokens. Windows keeps the folder's access rules.
    /// </summary>
    private static FileStreamOptions OwnerOnly(FileMode mode, FileAccess access)
    {
        var options = new FileStreamOptions { Mode = mode, Access = access, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return options;
    }

    private EmulatorStartupException Unreadable(string reason) =>
        new($"Cannot use the emulator state file '{Path}': {reason.TrimEnd('.')}. "
            + "Repair or delete the file, or choose another state file path.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(StateDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
