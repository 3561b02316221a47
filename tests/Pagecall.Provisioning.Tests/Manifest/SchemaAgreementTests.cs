using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>
/// The JSON Schema and the loader must agree: samples pass both, every invalid case fails the loader with its
/// expected error and fails the schema, except the cases that need checks a schema cannot express.
/// </summary>
public sealed class SchemaAgreementTests
{
    /// <summary>
    /// Cases only the loader rejects. A JSON Schema cannot see a repeated key (JSON keeps the last one), compare
    /// values across list items, or compare one key with another.
    /// </summary>
    private static readonly string[] LoaderOnlyCases =
    [
        "duplicate-key",
        "duplicate-member",
        "duplicate-room-id",
        "duplicate-room-name",
        "duplicate-user-id",
        "normalized-duplicate-user-id",
        "renamed-from-other-room",
        "renamed-from-own-name",
    ];

    public static TheoryData<string> CaseNames => new(ManifestCase.AllNames());

    public static TheoryData<string> SampleNames =>
        new(RepositoryFiles.SampleManifests().Select(path => Path.GetRelativePath(RepositoryFiles.Root, path)));

    [Theory]
    [MemberData(nameof(SampleNames))]
    public void Sample_PassesLoaderAndSchema(string relativePath)
    {
        var text = File.ReadAllText(RepositoryFiles.PathOf(relativePath));

        var result = ManifestLoader.Parse(text, relativePath);

        Assert.Empty(result.Errors);
        Assert.Empty(result.Warnings);
        Assert.Empty(ManifestSchema.Evaluate(text));
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_FailsLoaderWithExpectedErrorOnly(string name)
    {
        var testCase = ManifestCase.Read(name);

        var result = ManifestLoader.Parse(testCase.Text, name + ".yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal(testCase.Code, error.Code);
        Assert.Equal((testCase.Line, testCase.Column), (error.Position.Line, error.Position.Column));
        Assert.Null(result.Manifest);
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Case_SchemaVerdictMatchesSplit(string name)
    {
        var testCase = ManifestCase.Read(name);

        var schemaErrors = ManifestSchema.Evaluate(testCase.Text);

        if (LoaderOnlyCases.Contains(name))
        {
            Assert.Empty(schemaErrors);
        }
        else
        {
            Assert.NotEmpty(schemaErrors);
        }
    }

    [Fact]
    public void LoaderOnlyCases_AllExistInCorpus()
    {
        Assert.Subset(ManifestCase.AllNames().ToHashSet(), LoaderOnlyCases.ToHashSet());
    }

    [Theory]
    [InlineData("user_id: 0123")]
    [InlineData("user_id: no")]
    [InlineData("user_id: mentor-ashley\n    name: 1e3")]
    [InlineData("user_id: mentor-ashley\n    name: true")]
    public void LiteralTextScalars_PassLoaderAndSchema(string userLines)
    {
        var text = $"version: 1\nusers:\n  - {userLines}\n";

        Assert.True(ManifestLoader.Parse(text, "workspace.yaml").Succeeded);
        Assert.Empty(ManifestSchema.Evaluate(text));
    }

    [Fact]
    public void RequiredTextPatterns_MatchLoaderCharacterClasses()
    {
        // The loader tests Unicode categories, and the schema spells the same classes as explicit ranges.
        var rules = RequiredTextRules();
        var control = new Regex(rules[0]["not"]!["pattern"]!.GetValue<string>());
        var visible = new Regex(rules[1]["pattern"]!.GetValue<string>());
        var controlMismatches = new List<string>();
        var visibleMismatches = new List<string>();
        for (var code = 0; code <= 0xFFFF; code++)
        {
            var character = (char)code;
            if (char.IsSurrogate(character))
            {
                continue;
            }

            var text = character.ToString();
            if (control.IsMatch(text) != char.IsControl(character))
            {
                controlMismatches.Add($"U+{code:X4}");
            }

            var isInvisible = char.IsWhiteSpace(character)
                || char.GetUnicodeCategory(character) == UnicodeCategory.Format;
            if (!char.IsControl(character) && visible.IsMatch(text) == isInvisible)
            {
                visibleMismatches.Add($"U+{code:X4}");
            }
        }

        Assert.True(controlMismatches.Count == 0, "Control pattern differs at " + string.Join(" ", controlMismatches));
        Assert.True(visibleMismatches.Count == 0, "Visible pattern differs at " + string.Join(" ", visibleMismatches));
    }

    private static JsonNode[] RequiredTextRules()
    {
        var schema = JsonNode.Parse(File.ReadAllText(RepositoryFiles.SchemaPath))!;
        var allOf = schema["definitions"]!["requiredText"]!["allOf"]!.AsArray();
        return [.. allOf.Select(rule => rule!)];
    }
}
