using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pagecall.Emulator.State;

/// <summary>Reads and writes the state file that <c>--data</c> names.</summary>
internal sealed class StateFile(string path)
{
    public string Path { get; } = System.IO.Path.GetFullPath(path);

    /// <summary>
    /// Loads the state, or returns an empty state when the file does not exist yet.
    /// </summary>
    /// <exception cref="EmulatorStartupException">The file exists but cannot be read or parsed.</exception>
    public StateDocument Load()
    {
        if (!File.Exists(Path))
        {
            return new StateDocument();
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

            File.Move(temporaryPath, Path, overwrite: true);
        }
        catch
        {
            File.Delete(temporaryPath);
            throw;
        }
    }

    private EmulatorStartupException Unreadable(string reason) =>
        new($"Cannot load the emulator state file '{Path}': {reason}. Repair or delete the file, or choose another --data path.");
}

[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true)]
[JsonSerializable(typeof(StateDocument))]
internal sealed partial class StateJsonContext : JsonSerializerContext;
