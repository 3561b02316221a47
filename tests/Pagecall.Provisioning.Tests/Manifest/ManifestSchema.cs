using System.Text.Json;
using Json.Schema;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>The checked-in manifest JSON Schema, applied to YAML through <see cref="YamlToJson"/>.</summary>
internal static class ManifestSchema
{
    private static readonly Lazy<JsonSchema> Schema =
        new(() => JsonSchema.FromText(File.ReadAllText(RepositoryFiles.SchemaPath)));

    /// <summary>Returns the schema errors for <paramref name="yaml"/>, one line per failing location.</summary>
    public static IReadOnlyList<string> Evaluate(string yaml)
    {
        var json = YamlToJson.Convert(yaml)?.ToJsonString() ?? "null";
        using var document = JsonDocument.Parse(json);
        var options = new EvaluationOptions { OutputFormat = OutputFormat.List };
        var results = Schema.Value.Evaluate(document.RootElement, options);
        if (results.IsValid)
        {
            return [];
        }

        return (results.Details ?? [])
            .Where(detail => detail.Errors is { Count: > 0 })
            .SelectMany(detail => detail.Errors!.Select(
                error => $"{detail.InstanceLocation}: {error.Key}: {error.Value}"))
            .DefaultIfEmpty("invalid")
            .ToList();
    }
}
