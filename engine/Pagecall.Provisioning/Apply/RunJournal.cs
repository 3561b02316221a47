using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pagecall.Provisioning.Rendering;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// The run journal: one JSON object per line for each change outcome, appended as it happens. Each line is
/// written through to the storage device before the next outcome, so a finished line survives a killed process
/// and, on storage that honours fsync, a power failure. The file is created owner-only on Unix.
/// </summary>
internal sealed class RunJournal : IDisposable
{
    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    private readonly FileStream _stream;
    private readonly string _runId;
    private readonly Lock _lock = new();

    private RunJournal(FileStream stream, string runId)
    {
        _stream = stream;
        _runId = runId;
    }

    /// <summary>Opens <paramref name="path"/> for appending, creating it when missing.</summary>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="UnauthorizedAccessException">The file cannot be written.</exception>
    public static RunJournal Open(string path, string runId)
    {
        var options = new FileStreamOptions
        {
            Mode = FileMode.Append,
            Access = FileAccess.Write,
            Share = FileShare.Read,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        return new RunJournal(new FileStream(path, options), runId);
    }

    /// <summary>Appends the record of <paramref name="outcome"/> and flushes it to the storage device.</summary>
    public void Write(ChangeOutcome outcome, DateTimeOffset time)
    {
        var line = Format(outcome, time, _runId);
        lock (_lock)
        {
            _stream.Write(line);
            _stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>Returns one record as UTF-8 JSON followed by a line feed.</summary>
    internal static byte[] Format(ChangeOutcome outcome, DateTimeOffset time, string runId)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("time", time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
                CultureInfo.InvariantCulture));
            writer.WriteString("run_id", runId);
            writer.WriteString("address", outcome.Change.Address);
            writer.WriteString("kind", PlanVocabulary.KindName(outcome.Change.Kind));
            writer.WriteString("action", PlanVocabulary.ActionName(outcome.Change.Action));
            writer.WriteString("status", outcome.Status.ToString().ToLowerInvariant());
            writer.WriteString("message", outcome.Message);
            writer.WriteString("live_id", outcome.LiveId);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    public void Dispose() => _stream.Dispose();
}
