using System.Text;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>Hostile or unusual files: each one yields a located error or a correct parse, never an exception.</summary>
public sealed class HostileInputTests
{
    private const string Valid = "version: 1\nusers:\n  - user_id: mentor-ashley\n    name: Ashley Kim\n";

    [Fact]
    public void FileOverSizeLimit_ReportsSizeBeforeParsing()
    {
        var options = new ManifestLoadOptions { MaxFileBytes = 64 };
        var text = Valid + new string('#', 100);

        var result = ManifestLoader.Parse(text, "workspace.yaml", options);

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM003", error.Code);
        Assert.Contains("limit of 64 bytes", error.Message);
        Assert.Equal((1, 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void LoadFileOverSizeLimit_ReportsSize()
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, Valid + new string('#', 200));
        try
        {
            var result = ManifestLoader.Load(path, new ManifestLoadOptions { MaxFileBytes = 100 });

            Assert.Equal("PM003", Assert.Single(result.Errors).Code);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void DefaultSizeLimit_IsFourMebibytes()
    {
        Assert.Equal(4L * 1024 * 1024, ManifestLoadOptions.Default.MaxFileBytes);
    }

    [Fact]
    public void MissingFile_ReportsNotReadable()
    {
        var result = ManifestLoader.Load(Path.Combine(Path.GetTempPath(), "no-such-folder", "workspace.yaml"));

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM031", error.Code);
        Assert.Equal((1, 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void Directory_ReportsNotAFile()
    {
        var folder = Directory.CreateTempSubdirectory("pagecall-manifest-");
        try
        {
            var result = ManifestLoader.Load(folder.FullName);

            var error = Assert.Single(result.Errors);
            Assert.Equal("PM031", error.Code);
            Assert.Contains("is a folder, not a file", error.Message);
            Assert.DoesNotContain("does not exist", error.Message);
            Assert.Contains("Pass the path of the manifest file", error.Fix);
        }
        finally
        {
            folder.Delete();
        }
    }

    [Fact]
    public void DotSegmentUserIds_AreRejected()
    {
        var result = ManifestLoader.Parse(
            "version: 1\nusers:\n  - user_id: \"..\"\n  - user_id: .\n  - user_id: ...\n  - user_id: .hidden\n",
            "workspace.yaml");

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, error => Assert.Equal("PM033", error.Code));
        Assert.Equal((3, 14), (result.Errors[0].Position.Line, result.Errors[0].Position.Column));
        Assert.Equal("users[0].user_id", result.Errors[0].Path);
        Assert.Contains("User id \"..\" is a dot path segment", result.Errors[0].Message);
        Assert.Equal("users[1].user_id", result.Errors[1].Path);
    }

    [Fact]
    public void BillionLaughs_StopsAtAliasLimit()
    {
        var text = new StringBuilder("version: 1\nlol0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = $"*a{level - 1}";
            text.Append($"lol{level}: &a{level} [{string.Join(", ", Enumerable.Repeat(previous, 10))}]\n");
        }

        var result = ManifestLoader.Parse(text.ToString(), "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM005", error.Code);
        Assert.Contains("100000 nodes", error.Message);
        Assert.StartsWith("Alias \"*a3\" brings the expanded aliases to ", error.Message);

        // Aliases to a3 (1,111 nodes each) on line 6 pass the limit at the eighth, which starts at column 47.
        Assert.Equal((6, 47), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void AliasWithinLimit_ExpandsToSameMembers()
    {
        const string text = """
            version: 1
            rooms:
              - name: Algebra
                type: public
                members: &class
                  - { user_id: mentor-chloe, type: host }
                  - { user_id: mentee-lucas }
              - name: Geometry
                type: public
                members: *class
            """;

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.True(result.Succeeded);
        var rooms = result.Manifest.Rooms!;
        var algebra = rooms[0].Members!.Select(member => member.UserId);
        var geometry = rooms[1].Members!.Select(member => member.UserId);
        Assert.Equal(algebra, geometry);
    }

    [Fact]
    public void UndefinedAlias_ReportsAliasPosition()
    {
        var result = ManifestLoader.Parse("version: 1\nrooms: *missing\n", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM030", error.Code);
        Assert.Equal((2, 8), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void DeepNesting_StopsAtDepthLimit()
    {
        var text = "version: 1\nusers: " + new string('[', 10_000) + new string(']', 10_000) + "\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM006", error.Code);
        Assert.Equal((2, 8 + ManifestLoadOptions.DefaultMaxDepth - 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void TabIndentation_ReportsTabPosition()
    {
        const string text = "version: 1\nusers:\n  - user_id: mentor-ashley\n  \tname: Ashley Kim\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM002", error.Code);
        Assert.Equal((4, 3), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void TabIndentationOfMappingKey_ReportsTabPosition()
    {
        var result = ManifestLoader.Parse("version: 1\nusers:\n\t- user_id: mentor-ashley\n", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM002", error.Code);
        Assert.Equal((3, 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void TabAfterColon_IsAccepted()
    {
        var result = ManifestLoader.Parse("version:\t1\n", "workspace.yaml");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void ByteOrderMark_KeepsColumns()
    {
        var text = Encoding.UTF8.GetBytes("version: 1\nusers:\n  - user_id: ''\n");
        var bytes = Encoding.UTF8.GetPreamble().Concat(text).ToArray();

        var result = ManifestLoader.Parse(bytes, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM029", error.Code);
        Assert.Equal((3, 14), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void ByteOrderMarkInText_IsAccepted()
    {
        var result = ManifestLoader.Parse("\uFEFF" + Valid, "workspace.yaml");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public void CrlfLineEndings_KeepLineNumbers()
    {
        var text = "version: 1\r\nusers:\r\n  - user_id: mentor-ashley\r\n    nmae: Ashley Kim\r\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM011", error.Code);
        Assert.Equal((4, 5), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void CrlfManifest_EqualsLfManifest()
    {
        var lf = ManifestLoader.Parse(Valid, "workspace.yaml");
        var crlf = ManifestLoader.Parse(Valid.Replace("\n", "\r\n"), "workspace.yaml");

        Assert.Equal(lf.Manifest, crlf.Manifest);
    }

    [Fact]
    public void InvalidUtf8_ReportsByteOffsetAndLine()
    {
        var text = Encoding.UTF8.GetBytes("version: 1\nusers:\n  - user_id: abc");
        var bytes = text.Concat(new byte[] { 0xC3, 0x28, 0x0A }).ToArray();

        var result = ManifestLoader.Parse(bytes, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM004", error.Code);
        Assert.Contains("offset 34", error.Message);
        Assert.Equal((3, 17), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData(@"\uD800", "U+D800")]
    [InlineData(@"\uDC00\uD800", "U+DC00")]
    [InlineData(@"\uD83D", "U+D83D")]
    public void UnpairedSurrogateInText_ReportsPosition(string escaped, string codeUnit)
    {
        // xunit replaces lone surrogates in test data, so the data carries them as escapes.
        var value = System.Text.RegularExpressions.Regex.Unescape(escaped);
        var text = "version: 1\nusers:\n  - user_id: a" + value + "b\n";

        // YamlDotNet passes a lone surrogate through, and System.Text.Json throws when the engine sends it.
        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.False(result.Succeeded);
        var error = Assert.Single(result.Errors);
        Assert.Equal("PM004", error.Code);
        Assert.Contains(codeUnit, error.Message);
        Assert.Contains("character offset 32", error.Message);
        Assert.Equal((3, 15), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void SurrogatePairInText_IsAccepted()
    {
        var result = ManifestLoader.Parse("version: 1\nusers:\n  - user_id: a\U0001F600b\n", "workspace.yaml");

        Assert.True(result.Succeeded, string.Join("\n", result.Errors));
        Assert.Equal("a\U0001F600b", result.Manifest.Users![0].UserId);
    }

    [Fact]
    public void InvalidUtf8_NamesByteValue()
    {
        var bytes = Encoding.UTF8.GetBytes("version: 1\nusers:\n  - user_id: ab").Concat(new byte[] { 0xFF, 0x0A }).ToArray();

        var result = ManifestLoader.Parse(bytes, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM004", error.Code);
        Assert.Contains("byte 0xFF at offset 33", error.Message);
    }

    [Fact]
    public void InvalidUtf8AfterBom_OffsetIncludesMark()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(new byte[] { (byte)'a', 0xFF }).ToArray();

        var result = ManifestLoader.Parse(bytes, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Contains("offset 4", error.Message);
        Assert.Equal((1, 2), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("")]
    [InlineData("# only a comment\n")]
    [InlineData("---\n")]
    [InlineData("~\n")]
    public void EmptyDocument_ReportsNoDocument(string text)
    {
        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM007", error.Code);
        Assert.Equal((1, 1), (error.Position.Line, error.Position.Column));
    }

    [Theory]
    [InlineData("- version: 1\n", "a list")]
    [InlineData("version 1\n", "the value \"version 1\"")]
    public void NonMappingDocument_ReportsKind(string text, string found)
    {
        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM008", error.Code);
        Assert.Contains(found, error.Message);
        Assert.Equal((1, 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void SecondDocument_ReportsSeparator()
    {
        var result = ManifestLoader.Parse(Valid + "---\nversion: 1\n", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM009", error.Code);
        Assert.Equal((5, 1), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void UnterminatedQuote_ReportsSyntaxError()
    {
        var result = ManifestLoader.Parse("version: 1\nusers:\n  - user_id: \"mentor-ashley\n", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM001", error.Code);
        Assert.Equal((3, 14), (error.Position.Line, error.Position.Column));
        Assert.DoesNotContain("Line:", error.Message);
    }

    [Fact]
    public void UnclosedFlowSequence_ReportsSyntaxError()
    {
        var result = ManifestLoader.Parse("version: 1\nusers: [\n  { user_id: a }\n", "workspace.yaml");

        Assert.Equal("PM001", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public void ParserInternalFailure_ReportsSyntaxError()
    {
        var result = ManifestLoader.Parse(":\n{g\n-", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM001", error.Code);
        Assert.True(error.Position.Line >= 1);
        Assert.True(error.Position.Column >= 1);
    }
}
