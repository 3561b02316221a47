using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>
/// User ids and room names that look alike or look empty: control characters, invisible-only text, and text that
/// differs only in its Unicode composition.
/// </summary>
public sealed class IdentifierTextTests
{
    /// <summary>"é" as one code point, U+00E9.</summary>
    private const string Composed = "caf\u00E9";

    /// <summary>"é" as "e" followed by U+0301 COMBINING ACUTE ACCENT.</summary>
    private const string Decomposed = "cafe\u0301";

    [Theory]
    [InlineData(@"""a\0b""", "U+0000")]
    [InlineData(@"""a\u0007""", "U+0007")]
    [InlineData(@"""a\ab""", "U+0007")]
    [InlineData(@"""a\tb""", "U+0009")]
    [InlineData(@"""a\nb""", "U+000A")]
    [InlineData(@"""a\x7Fb""", "U+007F")]
    [InlineData(@"""a\u0085b""", "U+0085")]
    public void ControlCharacterInUserId_IsPm032(string yamlValue, string codePoint)
    {
        var text = $"version: 1\nusers:\n  - user_id: {yamlValue}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Null(result.Manifest);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PM032", error.Code);
        Assert.Equal("users[0].user_id", error.Path);
        Assert.Equal((3, 14), (error.Position.Line, error.Position.Column));
        Assert.Contains(codePoint, error.Message);
        Assert.Contains("Remove the control character", error.Fix);
    }

    [Theory]
    [InlineData("rooms:\n  - name: \"Demo\\0\"\n    type: open\n", "rooms[0].name", 3, 11)]
    [InlineData("rooms:\n  - name: Demo\n    type: open\n    members:\n      - user_id: \"a\\u0001\"\n",
        "rooms[0].members[0].user_id", 6, 18)]
    public void ControlCharacterInRoomText_IsPm032(string body, string path, int line, int column)
    {
        var result = ManifestLoader.Parse("version: 1\n" + body, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM032", error.Code);
        Assert.Equal(path, error.Path);
        Assert.Equal((line, column), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData(@"""\u200B""", "U+200B")]
    [InlineData(@"""\u200B\u200C\u200D""", "U+200B U+200C U+200D")]
    [InlineData(@"""\uFEFF""", "U+FEFF")]
    [InlineData(@""" \u2060 """, "U+0020 U+2060 U+0020")]
    [InlineData(@"""\u3000\u00AD""", "U+3000 U+00AD")]
    [InlineData(@"""\U000E0020""", "U+E0020")]
    public void InvisibleOnlyUserId_IsPm029(string yamlValue, string codePoints)
    {
        var text = $"version: 1\nusers:\n  - user_id: {yamlValue}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Null(result.Manifest);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PM029", error.Code);
        Assert.Equal((3, 14), (error.Position.Line, error.Position.Column));
        Assert.Contains(codePoints, error.Message);
        Assert.Contains("visible character", error.Fix);
    }

    [Fact]
    public void InvisibleOnlyRoomName_IsPm029()
    {
        var text = "version: 1\nrooms:\n  - name: \"\\u200B\"\n    type: open\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM029", error.Code);
        Assert.Equal("rooms[0].name", error.Path);
    }

    [Theory]
    [InlineData("a\u200Bb")]
    [InlineData("\u200Bmentor")]
    [InlineData("mentor\u00AD")]
    [InlineData("e\u0301")]
    public void VisibleTextWithFormatCharacters_IsKept(string userId)
    {
        var text = $"version: 1\nusers:\n  - user_id: \"{userId}\"\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(userId, result.Manifest.Users![0].UserId);
    }

    [Fact]
    public void UserIdsEqualAfterNfc_ArePm023()
    {
        var text = $"version: 1\nusers:\n  - user_id: {Composed}\n  - user_id: {Decomposed}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM023", error.Code);
        Assert.Equal("users[1].user_id", error.Path);
        Assert.Equal((4, 14), (error.Position.Line, error.Position.Column));
        Assert.Contains("line 3, column 14", error.Message);
        Assert.Contains("U+0063 U+0061 U+0066 U+00E9", error.Message);
        Assert.Contains("U+0063 U+0061 U+0066 U+0065 U+0301", error.Message);
        Assert.Contains("NFC", error.Message);
    }

    [Fact]
    public void IdenticalUserIds_HaveNoNormalizationNote()
    {
        var text = $"version: 1\nusers:\n  - user_id: {Composed}\n  - user_id: {Composed}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM023", error.Code);
        Assert.DoesNotContain("NFC", error.Message);
    }

    [Fact]
    public void RoomNamesEqualAfterNfc_ArePm024()
    {
        var text = $"version: 1\nrooms:\n  - name: {Composed}\n    type: open\n  - name: {Decomposed}\n    type: open\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM024", error.Code);
        Assert.Equal((5, 11), (error.Position.Line, error.Position.Column));
        Assert.Contains("line 3, column 11", error.Message);
        Assert.Contains("NFC", error.Message);
    }

    [Fact]
    public void MembersEqualAfterNfc_ArePm026()
    {
        var text = "version: 1\nrooms:\n  - name: Demo\n    type: open\n    members:\n"
            + $"      - user_id: {Composed}\n      - user_id: {Decomposed}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM026", error.Code);
        Assert.Equal((7, 18), (error.Position.Line, error.Position.Column));
        Assert.Contains("NFC", error.Message);
    }

    [Fact]
    public void RenamedFromEqualAfterNfc_IsPm027()
    {
        var text = $"version: 1\nrooms:\n  - name: {Composed}\n    renamed_from: {Decomposed}\n    type: open\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Equal("PM027", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void DecomposedUserId_KeepsLiteralText()
    {
        var text = $"version: 1\nusers:\n  - user_id: {Decomposed}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal(Decomposed, result.Manifest.Users![0].UserId);
    }
}
