using System.Text.Json;
using System.Text.Json.Nodes;

namespace Pagecall.Emulator.Api;

/// <summary>
/// A JSON object from a request body with typed, validating accessors. Every error names the field by its
/// path in the body, such as <c>members[1].user_id</c>. A JSON null in an optional field counts as absent.
/// </summary>
internal sealed class JsonBody
{
    private readonly JsonObject _object;
    private readonly string _prefix;

    private JsonBody(JsonObject jsonObject, string prefix)
    {
        _object = jsonObject;
        _prefix = prefix;
    }

    /// <summary>Reads the request body as a JSON object.</summary>
    /// <exception cref="ApiException">The body is empty, not JSON, or not an object (400).</exception>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            throw ApiErrors.MalformedBody("the body is empty");
        }

        JsonNode? node;
        try
        {
            node = JsonNode.Parse(buffer.ToArray());

            // JsonObject reads its properties lazily; counting them here surfaces duplicate names now.
            _ = (node as JsonObject)?.Count;
        }
        catch (Exception exception) when (exception is JsonException or ArgumentException)
        {
            throw ApiErrors.MalformedBody(
                exception is JsonException jsonException ? JsonErrorText.Describe(jsonException) : exception.Message);
        }

        if (node is not JsonObject jsonObject)
        {
            throw ApiErrors.MalformedBody("the top-level value must be an object");
        }

        return new JsonBody(jsonObject, prefix: "");
    }

    /// <summary>Rejects the first field, in body order, that is not in <paramref name="allowed"/>.</summary>
    public void RejectUnknownFields(params ReadOnlySpan<string> allowed)
    {
        foreach (var (name, _) in _object)
        {
            if (!allowed.Contains(name))
            {
                throw ApiErrors.UnknownField(PathOf(name));
            }
        }
    }

    public bool Has(string name) => _object[name] is not null;

    public string? OptionalString(string name)
    {
        var node = _object[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.String)
        {
            throw ApiErrors.WrongType(PathOf(name), "a string");
        }

        return node.GetValue<string>();
    }

    public string RequiredNonEmptyString(string name)
    {
        var value = OptionalString(name) ?? throw ApiErrors.Missing(PathOf(name));
        if (value.Length == 0)
        {
            throw ApiErrors.Invalid(PathOf(name), $"The field '{PathOf(name)}' must not be empty.");
        }

        return value;
    }

    public string? OptionalChoice(string name, IReadOnlyList<string> allowed)
    {
        var value = OptionalString(name);
        if (value is not null && !allowed.Contains(value))
        {
            throw ApiErrors.NotOneOf(PathOf(name), value, allowed);
        }

        return value;
    }

    public string RequiredChoice(string name, IReadOnlyList<string> allowed) =>
        OptionalChoice(name, allowed) ?? throw ApiErrors.Missing(PathOf(name));

    public bool? OptionalBoolean(string name)
    {
        var node = _object[name];
        if (node is null)
        {
            return null;
        }

        return node.GetValueKind() switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw ApiErrors.WrongType(PathOf(name), "true or false"),
        };
    }

    public long? OptionalInteger(string name)
    {
        var node = _object[name];
        if (node is null)
        {
            return null;
        }

        if (node.GetValueKind() != JsonValueKind.Number || !node.AsValue().TryGetValue(out long value))
        {
            throw ApiErrors.WrongType(PathOf(name), "an integer");
        }

        return value;
    }

    public JsonObject? OptionalObject(string name)
    {
        var node = _object[name];
        if (node is null)
        {
            return null;
        }

        return node as JsonObject ?? throw ApiErrors.WrongType(PathOf(name), "an object");
    }

    /// <summary>Returns an object field whose values must all be strings, such as a map of HTTP headers.</summary>
    public JsonObject? OptionalStringMap(string name)
    {
        var map = OptionalObject(name);
        if (map is null)
        {
            return null;
        }

        foreach (var (key, value) in map)
        {
            if (value is null || value.GetValueKind() != JsonValueKind.String)
            {
                throw ApiErrors.WrongType($"{PathOf(name)}.{key}", "a string");
            }
        }

        return map;
    }

    /// <summary>Returns a required field that must hold an absolute http or https URL.</summary>
    public string RequiredHttpUrl(string name)
    {
        var value = RequiredNonEmptyString(name);
        if (!Uri.TryCreate(value, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
        {
            throw ApiErrors.Invalid(
                PathOf(name), $"The field '{PathOf(name)}' must be an absolute http or https URL, not '{value}'.");
        }

        return value;
    }

    /// <summary>Returns the entries of an array field, each entry required to be an object.</summary>
    public IReadOnlyList<JsonBody> OptionalObjectArray(string name)
    {
        var node = _object[name];
        if (node is null)
        {
            return [];
        }

        if (node is not JsonArray array)
        {
            throw ApiErrors.WrongType(PathOf(name), "an array");
        }

        var entries = new List<JsonBody>(array.Count);
        for (var index = 0; index < array.Count; index++)
        {
            var path = $"{PathOf(name)}[{index}]";
            if (array[index] is not JsonObject entry)
            {
                throw ApiErrors.WrongType(path, "an object");
            }

            entries.Add(new JsonBody(entry, path + "."));
        }

        return entries;
    }

    /// <summary>Returns a nested object field as a body of its own, so its errors carry the nested path.</summary>
    public JsonBody? OptionalNested(string name) =>
        OptionalObject(name) is { } nested ? new JsonBody(nested, PathOf(name) + ".") : null;

    public JsonObject CloneObject() => _object.DeepClone().AsObject();

    private string PathOf(string name) => _prefix + name;
}
