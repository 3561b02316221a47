using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Rendering;

/// <summary>
/// Renders a plan as versioned JSON, described in docs/plan-format.md. Every change is listed, unchanged ones
/// included, and so is every user and room left alone. Sensitive values are written as null and flagged in the
/// <c>sensitive</c> mask, which has the same keys as <c>fields</c>.
/// </summary>
public static class PlanJsonRenderer
{
    /// <summary>
    /// The version of the JSON plan format. The minor number grows when properties are added (1.1 added
    /// <c>unmanaged</c>), the major number when a property is removed, renamed or changes meaning.
    /// </summary>
    public const string FormatVersion = "1.1";

    /// <summary>Writer settings shared by every JSON output of the tool: indented, with non-ASCII text kept readable.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        // The output is a file or a pipe, never HTML, so non-ASCII text stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Render(Plan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var stream = new MemoryStream();
        Write(plan, stream);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Writes the plan as UTF-8 JSON to <paramref name="stream"/>, without a trailing newline.</summary>
    public static void Write(Plan plan, Stream stream)
    {
        ArgumentNullException.ThrowIfNull(plan);
        using var writer = new Utf8JsonWriter(stream, WriterOptions);
        Write(plan, writer);
    }

    /// <summary>Writes the plan as one JSON object at the writer's current position, such as a property value.</summary>
    public static void Write(Plan plan, Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("format_version", FormatVersion);
        writer.WriteString("manifest_file", plan.ManifestFile);
        WriteSummary(writer, plan.Summary);
        writer.WriteStartArray("changes");
        foreach (var change in plan.Changes)
        {
            WriteChange(writer, change);
        }

        writer.WriteEndArray();
        WriteUnmanaged(writer, plan.Unmanaged);
        writer.WriteEndObject();
    }

    private static void WriteUnmanaged(Utf8JsonWriter writer, UnmanagedObjects unmanaged)
    {
        writer.WriteStartObject("unmanaged");
        writer.WriteStartArray("users");
        foreach (var userId in unmanaged.UserIds)
        {
            writer.WriteStringValue(userId);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("rooms");
        foreach (var room in unmanaged.Rooms)
        {
            writer.WriteStartObject();
            writer.WriteString("name", room.Name);
            writer.WriteString("id", room.Id);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter writer, PlanSummary summary)
    {
        writer.WriteStartObject("summary");
        writer.WriteNumber("create", summary.ToCreate);
        writer.WriteNumber("update", summary.ToUpdate);
        writer.WriteNumber("replace", summary.ToReplace);
        writer.WriteNumber("remove", summary.ToRemove);
        writer.WriteNumber("unchanged", summary.Unchanged);
        writer.WriteBoolean("has_changes", summary.HasChanges);
        writer.WriteEndObject();
    }

    private static void WriteChange(Utf8JsonWriter writer, PlannedChange change)
    {
        writer.WriteStartObject();
        writer.WriteString("address", change.Address);
        writer.WriteString("kind", PlanVocabulary.KindName(change.Kind));
        writer.WriteString("action", PlanVocabulary.ActionName(change.Action));
        writer.WriteString("reason", change.Reason);
        writer.WriteString("live_id", change.LiveId);
        writer.WriteBoolean("destructive", change.IsDestructive);
        WriteFields(writer, change.Fields);
        WriteSensitiveMask(writer, change.Fields);
        writer.WriteStartArray("depends_on");
        foreach (var dependency in change.DependsOn)
        {
            writer.WriteStringValue(dependency);
        }

        writer.WriteEndArray();
        WriteSource(writer, change);
        writer.WriteEndObject();
    }

    private static void WriteFields(Utf8JsonWriter writer, IReadOnlyList<FieldChange> fields)
    {
        writer.WriteStartObject("fields");
        foreach (var field in fields)
        {
            writer.WriteStartObject(field.Field);
            WriteValue(writer, "before", field.Before, field);
            WriteValue(writer, "after", field.After, field);
            writer.WriteBoolean("changed", field.IsChanged);
            writer.WriteBoolean("forces_replacement", field.ForcesReplacement);
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void WriteSensitiveMask(Utf8JsonWriter writer, IReadOnlyList<FieldChange> fields)
    {
        writer.WriteStartObject("sensitive");
        foreach (var field in fields)
        {
            writer.WriteBoolean(field.Field, field.Sensitive);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes a value with its JSON type, or null when it is missing or sensitive.</summary>
    private static void WriteValue(Utf8JsonWriter writer, string name, string? value, FieldChange field)
    {
        if (value is null || field.Sensitive)
        {
            writer.WriteNull(name);
            return;
        }

        switch (field.Type)
        {
            case FieldType.Boolean when bool.TryParse(value, out var flag):
                writer.WriteBoolean(name, flag);
                break;
            case FieldType.Integer when long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumber(name, number);
                break;
            default:
                writer.WriteString(name, value);
                break;
        }
    }

    private static void WriteSource(Utf8JsonWriter writer, PlannedChange change)
    {
        if (change.Source is not { } source)
        {
            writer.WriteNull("source");
            return;
        }

        writer.WriteStartObject("source");
        writer.WriteString("file", source.File);
        writer.WriteNumber("line", source.Line);
        writer.WriteNumber("column", source.Column);
        writer.WriteEndObject();
    }
}
