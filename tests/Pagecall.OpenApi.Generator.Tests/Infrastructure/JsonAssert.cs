using System.Globalization;
using System.Text.Json;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Compares JSON by meaning: property order is ignored, numbers compare by value, and two strings that are both
/// ISO 8601 timestamps compare as instants, since a client may write <c>.000Z</c> back as <c>+00:00</c>.
/// </summary>
internal static class JsonAssert
{
    /// <summary>Asserts that two JSON texts mean the same document.</summary>
    public static void Equivalent(string expected, string actual)
    {
        using var expectedDocument = JsonDocument.Parse(expected);
        using var actualDocument = JsonDocument.Parse(actual);
        var difference = FindDifference(expectedDocument.RootElement, actualDocument.RootElement, "$");
        Assert.True(difference is null, $"{difference}\nexpected: {expected}\nactual:   {actual}");
    }

    private static string? FindDifference(JsonElement expected, JsonElement actual, string path)
    {
        if (expected.ValueKind != actual.ValueKind
            && !(IsBoolean(expected) && IsBoolean(actual)))
        {
            return $"{path}: expected {expected.ValueKind} but found {actual.ValueKind}.";
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var expectedNames = expected.EnumerateObject().Select(property => property.Name)
                    .Order(StringComparer.Ordinal).ToList();
                var actualNames = actual.EnumerateObject().Select(property => property.Name)
                    .Order(StringComparer.Ordinal).ToList();
                if (!expectedNames.SequenceEqual(actualNames))
                {
                    return $"{path}: expected properties [{string.Join(", ", expectedNames)}] "
                        + $"but found [{string.Join(", ", actualNames)}].";
                }

                return expectedNames
                    .Select(name => FindDifference(expected.GetProperty(name), actual.GetProperty(name), $"{path}.{name}"))
                    .FirstOrDefault(difference => difference is not null);
            case JsonValueKind.Array:
                if (expected.GetArrayLength() != actual.GetArrayLength())
                {
                    return $"{path}: expected {expected.GetArrayLength()} items but found {actual.GetArrayLength()}.";
                }

                return expected.EnumerateArray().Zip(actual.EnumerateArray())
                    .Select((pair, index) => FindDifference(pair.First, pair.Second, $"{path}[{index}]"))
                    .FirstOrDefault(difference => difference is not null);
            case JsonValueKind.Number:
                return expected.GetDecimal() == actual.GetDecimal()
                    ? null
                    : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}.";
            case JsonValueKind.String:
                return SameString(expected.GetString()!, actual.GetString()!)
                    ? null
                    : $"{path}: expected \"{expected.GetString()}\" but found \"{actual.GetString()}\".";
            case JsonValueKind.True or JsonValueKind.False:
                return expected.GetBoolean() == actual.GetBoolean()
                    ? null
                    : $"{path}: expected {expected.GetRawText()} but found {actual.GetRawText()}.";
            default:
                return null;
        }
    }

    private static bool IsBoolean(JsonElement element) => element.ValueKind is JsonValueKind.True or JsonValueKind.False;

    private static bool SameString(string expected, string actual)
    {
        if (expected == actual)
        {
            return true;
        }

        const DateTimeStyles styles = DateTimeStyles.RoundtripKind;
        return expected.Length >= 20 && actual.Length >= 20
            && DateTimeOffset.TryParse(expected, CultureInfo.InvariantCulture, styles, out var expectedTime)
            && DateTimeOffset.TryParse(actual, CultureInfo.InvariantCulture, styles, out var actualTime)
            && expectedTime == actualTime;
    }
}
