using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pagecall.Emulator.State;

/// <summary>Reads and writes the state file that <c>--data</c> names.</summary>
internal sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
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

    /// <summary>
    /// Writes the state atomically. A temporary file in the same folder is written, flushed to disk and renamed
    /// over the target, so after a crash the file contains either the old state or the new one.
    /// </summary>
    public void Save(StateDocument document)
    {
        var folder = System.IO.Path.GetDirectoryName(Path)!;
        Directory.CreateDirectory(folder);
        var temporaryPath = System.IO.Path.Combine(folder, $".{System.IO.Path.GetFileName(Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporaryPath, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                JsonSerializer.Serialize(stream, document, StateJsonContext.Default.StateDocument);
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

    private EmulatorStartupException Unreadable(string reason) =>
        new($"Cannot use the emulator state file '{Path}': {reason}. "
            + "Repair or delete the file, or choose another state file path.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(StateDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
