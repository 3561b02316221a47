namespace Pagecall.OpenApi.Generator.Emit;

/// <summary>
/// The fixed members of the generated JSON helper class. "$Exception$" is replaced with the exception type.
/// </summary>
internal static class HelperSource
{
    public const string Text = """
/// <summary>Reads a JSON string.</summary>
internal static string ReadString(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a string");
    return reader.GetString()!;
}

/// <summary>Reads a JSON boolean.</summary>
internal static bool ReadBoolean(ref global::System.Text.Json.Utf8JsonReader reader)
{
    if (reader.TokenType != global::System.Text.Json.JsonTokenType.True && reader.TokenType != global::System.Text.Json.JsonTokenType.False)
    {
        throw Unexpected(reader.TokenType, "a boolean");
    }

    return reader.GetBoolean();
}

/// <summary>Reads a JSON number as a 32-bit integer.</summary>
internal static int ReadInt32(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.Number, "a number");
    return reader.TryGetInt32(out var value) ? value : throw new global::System.Text.Json.JsonException("The number is not a 32-bit integer.");
}

/// <summary>Reads a JSON number as a 64-bit integer.</summary>
internal static long ReadInt64(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.Number, "a number");
    return reader.TryGetInt64(out var value) ? value : throw new global::System.Text.Json.JsonException("The number is not a 64-bit integer.");
}

/// <summary>Reads a JSON number as a double.</summary>
internal static double ReadDouble(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.Number, "a number");
    return reader.GetDouble();
}

/// <summary>Reads an ISO 8601 date and time.</summary>
internal static global::System.DateTimeOffset ReadDateTimeOffset(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a date-time string");
    return reader.TryGetDateTimeOffset(out var value) ? value : throw new global::System.Text.Json.JsonException("The string is not an ISO 8601 date-time.");
}

/// <summary>Reads a UUID.</summary>
internal static global::System.Guid ReadGuid(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a UUID string");
    return reader.TryGetGuid(out var value) ? value : throw new global::System.Text.Json.JsonException("The string is not a UUID.");
}

/// <summary>Reads an absolute or relative URI.</summary>
internal static global::System.Uri ReadUri(ref global::System.Text.Json.Utf8JsonReader reader)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.String, "a URI string");
    return global::System.Uri.TryCreate(reader.GetString(), global::System.UriKind.RelativeOrAbsolute, out var value)
        ? value
        : throw new global::System.Text.Json.JsonException("The string is not a URI.");
}

/// <summary>Reads a JSON array; the reader is positioned on its start and ends on its end.</summary>
internal static global::System.Collections.Generic.List<T> ReadList<T>(ref global::System.Text.Json.Utf8JsonReader reader, ReadFunc<T> read)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.StartArray, "an array");
    var list = new global::System.Collections.Generic.List<T>();
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndArray)
    {
        list.Add(read(ref reader));
    }

    return list;
}

/// <summary>Reads a JSON object as a dictionary; the reader is positioned on its start and ends on its end.</summary>
internal static global::System.Collections.Generic.Dictionary<string, T> ReadMap<T>(ref global::System.Text.Json.Utf8JsonReader reader, ReadFunc<T> read)
{
    Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object");
    var map = new global::System.Collections.Generic.Dictionary<string, T>(global::System.StringComparer.Ordinal);
    while (reader.Read() && reader.TokenType != global::System.Text.Json.JsonTokenType.EndObject)
    {
        var key = reader.GetString()!;
        reader.Read();
        map[key] = read(ref reader);
    }

    return map;
}

/// <summary>Writes a JSON array.</summary>
internal static void WriteList<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<T> values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
{
    writer.WriteStartArray();
    foreach (var value in values)
    {
        write(writer, value);
    }

    writer.WriteEndArray();
}

/// <summary>Writes a dictionary as a JSON object.</summary>
internal static void WriteMap<T>(global::System.Text.Json.Utf8JsonWriter writer, global::System.Collections.Generic.IEnumerable<global::System.Collections.Generic.KeyValuePair<string, T>> values, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
{
    writer.WriteStartObject();
    foreach (var pair in values)
    {
        writer.WritePropertyName(pair.Key);
        write(writer, pair.Value);
    }

    writer.WriteEndObject();
}

/// <summary>Throws unless the reader is positioned on the start of an object.</summary>
internal static void ExpectStartObject(ref global::System.Text.Json.Utf8JsonReader reader, string typeName) =>
    Expect(ref reader, global::System.Text.Json.JsonTokenType.StartObject, "an object for " + typeName);

/// <summary>Returns the error for a required property that the JSON lacks.</summary>
internal static global::System.Text.Json.JsonException MissingProperty(string typeName, string propertyName) =>
    new global::System.Text.Json.JsonException("The JSON for " + typeName + " lacks the required property '" + propertyName + "'.");

/// <summary>Parses JSON text with a reader function.</summary>
internal static T Parse<T>(string json, ReadFunc<T> read) =>
    ReadBytes(global::System.Text.Encoding.UTF8.GetBytes(json), read);

/// <summary>Parses UTF-8 JSON with a reader function.</summary>
internal static T ReadBytes<T>(byte[] utf8Json, ReadFunc<T> read)
{
    var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json);
    if (!reader.Read())
    {
        throw new global::System.Text.Json.JsonException("The JSON text is empty.");
    }

    return read(ref reader);
}

/// <summary>Writes a value as JSON text.</summary>
internal static string Serialize<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write) =>
    global::System.Text.Encoding.UTF8.GetString(ToUtf8(value, write));

/// <summary>Writes a value as a detached JsonElement.</summary>
internal static global::System.Text.Json.JsonElement ToElement<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
{
    using var document = global::System.Text.Json.JsonDocument.Parse(ToUtf8(value, write));
    return document.RootElement.Clone();
}

/// <summary>Reads a JsonElement with a reader function.</summary>
internal static T Convert<T>(global::System.Text.Json.JsonElement json, ReadFunc<T> read)
{
    try
    {
        return Parse(json.GetRawText(), read);
    }
    catch (global::System.FormatException exception)
    {
        throw new global::System.Text.Json.JsonException(exception.Message, exception);
    }
    catch (global::System.InvalidOperationException exception)
    {
        throw new global::System.Text.Json.JsonException(exception.Message, exception);
    }
}

/// <summary>Reads a JsonElement with a reader function; returns false when it does not have that shape.</summary>
internal static bool TryConvert<T>(global::System.Text.Json.JsonElement json, ReadFunc<T> read, [global::System.Diagnostics.CodeAnalysis.MaybeNullWhen(false)] out T value)
{
    try
    {
        value = Convert(json, read);
        return true;
    }
    catch (global::System.Text.Json.JsonException)
    {
        value = default;
        return false;
    }
}

/// <summary>Formats a boolean as "true" or "false".</summary>
internal static string Format(bool value) => value ? "true" : "false";

/// <summary>Formats an integer with the invariant culture.</summary>
internal static string Format(int value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

/// <summary>Formats an integer with the invariant culture.</summary>
internal static string Format(long value) => value.ToString(global::System.Globalization.CultureInfo.InvariantCulture);

/// <summary>Formats a number so that it parses back to the same value.</summary>
internal static string Format(double value) => value.ToString("R", global::System.Globalization.CultureInfo.InvariantCulture);

/// <summary>Formats a date and time in ISO 8601.</summary>
internal static string Format(global::System.DateTimeOffset value) => value.ToString("O", global::System.Globalization.CultureInfo.InvariantCulture);

/// <summary>Formats a UUID with hyphens.</summary>
internal static string Format(global::System.Guid value) => value.ToString("D", global::System.Globalization.CultureInfo.InvariantCulture);

/// <summary>Returns the URI as given.</summary>
internal static string Format(global::System.Uri value) => value.OriginalString;

/// <summary>Appends an escaped path segment value.</summary>
internal static void AppendPath(global::System.Text.StringBuilder uri, string value) =>
    uri.Append(global::System.Uri.EscapeDataString(value));

/// <summary>Appends one escaped query parameter.</summary>
internal static void AppendQuery(global::System.Text.StringBuilder uri, ref bool hasQuery, string name, string value)
{
    uri.Append(hasQuery ? '&' : '?');
    hasQuery = true;
    uri.Append(global::System.Uri.EscapeDataString(name));
    uri.Append('=');
    uri.Append(global::System.Uri.EscapeDataString(value));
}

/// <summary>Builds a JSON request body.</summary>
internal static global::System.Net.Http.HttpContent CreateJsonContent<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
{
    var content = new global::System.Net.Http.ByteArrayContent(ToUtf8(value, write));
    content.Headers.ContentType = new global::System.Net.Http.Headers.MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
    return content;
}

/// <summary>Reads a JSON response body.</summary>
internal static async global::System.Threading.Tasks.Task<T> ReadJsonAsync<T>(global::System.Net.Http.HttpResponseMessage response, ReadFunc<T> read, global::System.Threading.CancellationToken cancellationToken)
{
    var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
    return ReadBytes(body, read);
}

/// <summary>Parses an error body; returns null when it does not match the schema.</summary>
internal static object? ParseOrNull<T>(string body, ReadFunc<T> read)
{
    try
    {
        return Parse(body, read);
    }
    catch (global::System.Text.Json.JsonException)
    {
        return null;
    }
    catch (global::System.FormatException)
    {
        return null;
    }
    catch (global::System.InvalidOperationException)
    {
        return null;
    }
}

/// <summary>
/// Builds the exception for a non-success response. The message names the method, the path template and the
/// status; it never contains headers, query values or the body.
/// </summary>
internal static async global::System.Threading.Tasks.Task<$Exception$> CreateExceptionAsync(
    global::System.Net.Http.HttpResponseMessage response,
    string method,
    string path,
    global::System.Func<int, string, object?>? parseError,
    global::System.Threading.CancellationToken cancellationToken)
{
    var status = (int)response.StatusCode;
    var body = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
    var requestId = Header(response, "x-request-id") ?? Header(response, "request-id");
    var error = parseError is null || body.Length == 0 ? null : parseError(status, body);
    var message = method + " " + path + " failed with status " + Format(status) + ".";
    return new $Exception$(message, status, body, requestId, error);
}

private static async global::System.Threading.Tasks.Task<string> ReadLimitedAsync(global::System.Net.Http.HttpContent content, global::System.Threading.CancellationToken cancellationToken)
{
    using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
    using var reader = new global::System.IO.StreamReader(stream, global::System.Text.Encoding.UTF8);
    var buffer = new char[4096];
    var text = new global::System.Text.StringBuilder();
    while (text.Length < MaxErrorBodyLength)
    {
        var count = await reader.ReadAsync(new global::System.Memory<char>(buffer, 0, global::System.Math.Min(buffer.Length, MaxErrorBodyLength - text.Length)), cancellationToken).ConfigureAwait(false);
        if (count == 0)
        {
            break;
        }

        text.Append(buffer, 0, count);
    }

    return text.ToString();
}

private static string? Header(global::System.Net.Http.HttpResponseMessage response, string name)
{
    if (response.Headers.TryGetValues(name, out var values))
    {
        foreach (var value in values)
        {
            return value;
        }
    }

    return null;
}

private static byte[] ToUtf8<T>(T value, global::System.Action<global::System.Text.Json.Utf8JsonWriter, T> write)
{
    using var stream = new global::System.IO.MemoryStream();
    using (var writer = new global::System.Text.Json.Utf8JsonWriter(stream))
    {
        write(writer, value);
    }

    return stream.ToArray();
}

private static void Expect(ref global::System.Text.Json.Utf8JsonReader reader, global::System.Text.Json.JsonTokenType expected, string description)
{
    if (reader.TokenType != expected)
    {
        throw Unexpected(reader.TokenType, description);
    }
}

private static global::System.Text.Json.JsonException Unexpected(global::System.Text.Json.JsonTokenType found, string expected) =>
    new global::System.Text.Json.JsonException("Expected " + expected + " but found " + found.ToString() + ".");
""";
}
