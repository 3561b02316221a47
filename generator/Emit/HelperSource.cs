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

/// <summary>Parses UTF-8 JSON with a reader function. A string that cannot be decoded throws JsonException, as malformed JSON does.</summary>
internal static T ReadBytes<T>(byte[] utf8Json, ReadFunc<T> read)
{
    var reader = new global::System.Text.Json.Utf8JsonReader(utf8Json);
    if (!reader.Read())
    {
        throw new global::System.Text.Json.JsonException("The JSON text is empty.");
    }

    try
    {
        return read(ref reader);
    }
    catch (global::System.InvalidOperationException exception)
    {
        // Decoding a string or property name that escapes a lone surrogate, such as "\ud800", throws this.
        throw new global::System.Text.Json.JsonException(exception.Message, exception);
    }
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

/// <summary>Compares two values with the default equality comparer of their type.</summary>
internal static bool ValueEquals<T>(T left, T right) =>
    global::System.Collections.Generic.EqualityComparer<T>.Default.Equals(left, right);

/// <summary>Returns the hash code that the default equality comparer gives a value, or 0 for null.</summary>
internal static int ValueHash<T>(T value) =>
    value is null ? 0 : global::System.Collections.Generic.EqualityComparer<T>.Default.GetHashCode(value);

/// <summary>Compares two lists item by item. Two null lists are equal.</summary>
internal static bool ListEquals<T>(global::System.Collections.Generic.IList<T>? left, global::System.Collections.Generic.IList<T>? right, global::System.Func<T, T, bool> itemEquals)
{
    if (left is null || right is null)
    {
        return left is null && right is null;
    }

    if (left.Count != right.Count)
    {
        return false;
    }

    for (var i = 0; i < left.Count; i++)
    {
        if (!itemEquals(left[i], right[i]))
        {
            return false;
        }
    }

    return true;
}

/// <summary>Returns a hash code of a list's items in order, or 0 for null.</summary>
internal static int ListHash<T>(global::System.Collections.Generic.IList<T>? values, global::System.Func<T, int> itemHash)
{
    if (values is null)
    {
        return 0;
    }

    var hash = new global::System.HashCode();
    hash.Add(values.Count);
    foreach (var value in values)
    {
        hash.Add(itemHash(value));
    }

    return hash.ToHashCode();
}

/// <summary>
/// Compares two maps by key set and value. Each map looks up the keys of the other, so the result does not
/// depend on the order of the arguments, even when the dictionaries use different key comparers. Two null maps
/// are equal.
/// </summary>
internal static bool MapEquals<T>(global::System.Collections.Generic.IDictionary<string, T>? left, global::System.Collections.Generic.IDictionary<string, T>? right, global::System.Func<T, T, bool> valueEquals)
{
    if (left is null || right is null)
    {
        return left is null && right is null;
    }

    return left.Count == right.Count && ContainsEntries(left, right, valueEquals) && ContainsEntries(right, left, valueEquals);
}

/// <summary>
/// Returns a hash code of a map's values that ignores their order, or 0 for null. Keys are left out, so the hash
/// agrees with <see cref="MapEquals{T}"/> whatever key comparer the dictionaries use.
/// </summary>
internal static int MapHash<T>(global::System.Collections.Generic.IDictionary<string, T>? values, global::System.Func<T, int> valueHash)
{
    if (values is null)
    {
        return 0;
    }

    var sum = 0;
    foreach (var pair in values)
    {
        sum = unchecked(sum + valueHash(pair.Value));
    }

    return global::System.HashCode.Combine(values.Count, sum);
}

/// <summary>
/// Compares two JSON values by content, as JsonElement.DeepEquals defines it. Numbers compare by decimal value,
/// strings ordinally, arrays item by item and objects by property regardless of order. A default JsonElement
/// equals only another default.
/// </summary>
internal static bool JsonEquals(global::System.Text.Json.JsonElement left, global::System.Text.Json.JsonElement right)
{
    if (left.ValueKind == global::System.Text.Json.JsonValueKind.Undefined || right.ValueKind == global::System.Text.Json.JsonValueKind.Undefined)
    {
        return left.ValueKind == right.ValueKind;
    }

    try
    {
        return ContentEquals(left, right);
    }
    catch (global::System.InvalidOperationException)
    {
        // A string or property name that escapes a lone surrogate, such as "\ud800", cannot be decoded, so such
        // values are equal only when their JSON text is, whitespace and property order included. JsonHash falls
        // back to the same text.
        return string.Equals(left.GetRawText(), right.GetRawText(), global::System.StringComparison.Ordinal);
    }
}

/// <summary>Compares two optional JSON values by content. Two nulls are equal.</summary>
internal static bool JsonEquals(global::System.Text.Json.JsonElement? left, global::System.Text.Json.JsonElement? right) =>
    left is null || right is null ? left is null && right is null : JsonEquals(left.Value, right.Value);

/// <summary>Returns a hash code of a JSON value that agrees with <see cref="JsonEquals(global::System.Text.Json.JsonElement, global::System.Text.Json.JsonElement)"/>.</summary>
internal static int JsonHash(global::System.Text.Json.JsonElement value)
{
    try
    {
        return ContentHash(value);
    }
    catch (global::System.InvalidOperationException)
    {
        // The value contains a lone surrogate, which JsonEquals compares by JSON text.
        return global::System.HashCode.Combine(value.ValueKind, global::System.StringComparer.Ordinal.GetHashCode(value.GetRawText()));
    }
}

/// <summary>Returns a hash code of an optional JSON value, 0 for null.</summary>
internal static int JsonHash(global::System.Text.Json.JsonElement? value) => value is null ? 0 : JsonHash(value.Value);

/// <summary>
/// Appends a value for ToString. Null prints as "null" and a JSON object or array only as its count. Other values
/// are formatted with the invariant culture.
/// </summary>
internal static void AppendValue(global::System.Text.StringBuilder builder, object? value)
{
    switch (value)
    {
        case null:
            builder.Append("null");
            break;
        case string text:
            builder.Append(text);
            break;
        case bool flag:
            builder.Append(Format(flag));
            break;
        case global::System.DateTimeOffset time:
            builder.Append(Format(time));
            break;
        case global::System.Uri uri:
            builder.Append(uri.OriginalString);
            break;
        case global::System.Text.Json.JsonElement json:
            AppendJson(builder, json);
            break;
        case global::System.IFormattable formattable:
            builder.Append(formattable.ToString(null, global::System.Globalization.CultureInfo.InvariantCulture));
            break;
        default:
            builder.Append(value.ToString());
            break;
    }
}

/// <summary>Appends "[redacted]" for ToString in place of a sensitive value, or "null" when there is none.</summary>
internal static void AppendRedacted(global::System.Text.StringBuilder builder, object? value) =>
    builder.Append(value is null ? "null" : "[redacted]");

/// <summary>Appends "[redacted]" for ToString in place of a sensitive JSON value, or "null" when it is JSON null or unset.</summary>
internal static void AppendRedactedJson(global::System.Text.StringBuilder builder, global::System.Text.Json.JsonElement value) =>
    builder.Append(value.ValueKind is global::System.Text.Json.JsonValueKind.Null or global::System.Text.Json.JsonValueKind.Undefined ? "null" : "[redacted]");

/// <summary>Appends only the count of a list or map for ToString, so none of its items is printed.</summary>
internal static void AppendCount<T>(global::System.Text.StringBuilder builder, global::System.Collections.Generic.ICollection<T>? values)
{
    if (values is null)
    {
        builder.Append("null");
    }
    else
    {
        AppendCount(builder, values.Count);
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

private static bool ContainsEntries<T>(global::System.Collections.Generic.IDictionary<string, T> source, global::System.Collections.Generic.IDictionary<string, T> target, global::System.Func<T, T, bool> valueEquals)
{
    foreach (var pair in source)
    {
        if (!target.TryGetValue(pair.Key, out var value) || !valueEquals(pair.Value, value))
        {
            return false;
        }
    }

    return true;
}

private static int ContentHash(global::System.Text.Json.JsonElement value)
{
    switch (value.ValueKind)
    {
        case global::System.Text.Json.JsonValueKind.Object:
            // Property order does not count for equality, so the property hashes are summed.
            var count = 0;
            var sum = 0;
            foreach (var property in value.EnumerateObject())
            {
                count++;
                sum = unchecked(sum + global::System.HashCode.Combine(global::System.StringComparer.Ordinal.GetHashCode(property.Name), ContentHash(property.Value)));
            }

            return global::System.HashCode.Combine(value.ValueKind, count, sum);
        case global::System.Text.Json.JsonValueKind.Array:
            var hash = new global::System.HashCode();
            hash.Add(value.ValueKind);
            foreach (var item in value.EnumerateArray())
            {
                hash.Add(ContentHash(item));
            }

            return hash.ToHashCode();
        case global::System.Text.Json.JsonValueKind.String:
            return global::System.HashCode.Combine(value.ValueKind, global::System.StringComparer.Ordinal.GetHashCode(value.GetString()!));
        case global::System.Text.Json.JsonValueKind.Number:
            var number = CanonicalNumber(value.GetRawText());
            return global::System.HashCode.Combine(value.ValueKind, number is null ? 0 : global::System.StringComparer.Ordinal.GetHashCode(number));
        default:
            return (int)value.ValueKind;
    }
}

private static bool ContentEquals(global::System.Text.Json.JsonElement left, global::System.Text.Json.JsonElement right)
{
#if NET9_0_OR_GREATER
    try
    {
        return global::System.Text.Json.JsonElement.DeepEquals(left, right);
    }
    catch (global::System.ArgumentOutOfRangeException)
    {
        // DeepEquals throws on a number whose exponent does not fit in an int, such as 1e99999999999, which a
        // server may send, so such values are compared by JsonContentEquals.
        return JsonContentEquals(left, right);
    }
#else
    return JsonContentEquals(left, right);
#endif
}

// Used in place of JsonElement.DeepEquals, which .NET 8 lacks, and with the same rules.
private static bool JsonContentEquals(global::System.Text.Json.JsonElement left, global::System.Text.Json.JsonElement right)
{
    if (left.ValueKind != right.ValueKind)
    {
        return false;
    }

    switch (left.ValueKind)
    {
        case global::System.Text.Json.JsonValueKind.Object:
            return ObjectContentEquals(left, right);
        case global::System.Text.Json.JsonValueKind.Array:
            if (left.GetArrayLength() != right.GetArrayLength())
            {
                return false;
            }

            var rightItems = right.EnumerateArray();
            foreach (var item in left.EnumerateArray())
            {
                rightItems.MoveNext();
                if (!JsonContentEquals(item, rightItems.Current))
                {
                    return false;
                }
            }

            return true;
        case global::System.Text.Json.JsonValueKind.String:
            return string.Equals(left.GetString(), right.GetString(), global::System.StringComparison.Ordinal);
        case global::System.Text.Json.JsonValueKind.Number:
            var leftText = left.GetRawText();
            var rightText = right.GetRawText();
            if (string.Equals(leftText, rightText, global::System.StringComparison.Ordinal))
            {
                return true;
            }

            var leftNumber = CanonicalNumber(leftText);
            return leftNumber is not null && string.Equals(leftNumber, CanonicalNumber(rightText), global::System.StringComparison.Ordinal);
        default:
            return true;
    }
}

// Objects are equal when they have the same number of properties and each property of the left one matches a
// property of the same name in the right one. Repeated names are matched in order.
private static bool ObjectContentEquals(global::System.Text.Json.JsonElement left, global::System.Text.Json.JsonElement right)
{
    var rightByName = new global::System.Collections.Generic.Dictionary<string, global::System.Collections.Generic.List<global::System.Text.Json.JsonElement>>(global::System.StringComparer.Ordinal);
    var rightCount = 0;
    foreach (var property in right.EnumerateObject())
    {
        rightCount++;
        if (!rightByName.TryGetValue(property.Name, out var values))
        {
            values = new global::System.Collections.Generic.List<global::System.Text.Json.JsonElement>();
            rightByName[property.Name] = values;
        }

        values.Add(property.Value);
    }

    var matched = new global::System.Collections.Generic.Dictionary<string, int>(global::System.StringComparer.Ordinal);
    var leftCount = 0;
    foreach (var property in left.EnumerateObject())
    {
        leftCount++;
        matched.TryGetValue(property.Name, out var index);
        if (!rightByName.TryGetValue(property.Name, out var values) || index >= values.Count || !JsonContentEquals(property.Value, values[index]))
        {
            return false;
        }

        matched[property.Name] = index + 1;
    }

    return leftCount == rightCount;
}

// Returns the decimal value of a JSON number as sign, significant digits and exponent, so that 1.50, 15e-1 and
// 0.15E1 all give "15e-1" and every zero gives "0". Returns null when the exponent does not fit in an int.
// NOTE: two nonzero numbers with such an exponent are then equal only when their text is equal. On .NET 9 and
// later JsonElement.DeepEquals throws on such a number, and JsonEquals falls back to this comparison.
private static string? CanonicalNumber(string text)
{
    var negative = text[0] == '-';
    var index = negative ? 1 : 0;
    var digits = new global::System.Text.StringBuilder();
    long exponent = 0;
    while (index < text.Length && text[index] >= '0' && text[index] <= '9')
    {
        digits.Append(text[index++]);
    }

    if (index < text.Length && text[index] == '.')
    {
        index++;
        while (index < text.Length && text[index] >= '0' && text[index] <= '9')
        {
            digits.Append(text[index++]);
            exponent--;
        }
    }

    // Every zero is "0" whatever its exponent, so 0e99999999999 equals 0 and gets the same hash code.
    var significant = digits.ToString().TrimStart('0');
    if (significant.Length == 0)
    {
        return "0";
    }

    if (index < text.Length && (text[index] == 'e' || text[index] == 'E'))
    {
        if (!int.TryParse(text.Substring(index + 1), global::System.Globalization.NumberStyles.AllowLeadingSign, global::System.Globalization.CultureInfo.InvariantCulture, out var written))
        {
            return null;
        }

        exponent += written;
    }

    var trimmed = significant.TrimEnd('0');
    exponent += significant.Length - trimmed.Length;
    return (negative ? "-" : "") + trimmed + "e" + exponent.ToString(global::System.Globalization.CultureInfo.InvariantCulture);
}

private static void AppendJson(global::System.Text.StringBuilder builder, global::System.Text.Json.JsonElement json)
{
    switch (json.ValueKind)
    {
        case global::System.Text.Json.JsonValueKind.Undefined:
            builder.Append("undefined");
            break;
        case global::System.Text.Json.JsonValueKind.Object:
            var count = 0;
            foreach (var property in json.EnumerateObject())
            {
                count++;
            }

            AppendCount(builder, count);
            break;
        case global::System.Text.Json.JsonValueKind.Array:
            AppendCount(builder, json.GetArrayLength());
            break;
        default:
            builder.Append(json.GetRawText());
            break;
    }
}

private static void AppendCount(global::System.Text.StringBuilder builder, int count) =>
    builder.Append("{ Count = ").Append(Format(count)).Append(" }");

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
