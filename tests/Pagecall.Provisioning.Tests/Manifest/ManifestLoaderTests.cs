using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

public sealed class ManifestLoaderTests
{
    private const string Example = """
        # yaml-language-server: $schema=../../specs/manifest.schema.json
        version: 1
        users:
          - user_id: mentor-ashley
            name: Ashley Kim
            profile_url: https://example.com/a.png
            default_member_type: host
        rooms:
          - name: "One-on-One: Ashley & Jayden"
            id: 000585f36eed9e8fb6b655b4
            renamed_from: "Ashley/Jayden"
            type: private
            record: true
            max_meeting_seconds: 3600
            members:
              - { user_id: mentor-ashley, type: host }
              - { user_id: mentee-jayden }
        """;

    [Fact]
    public void Example_LoadsEveryField()
    {
        var result = ManifestLoader.Parse(Example, "workspace.yaml");

        Assert.True(result.Succeeded);
        var manifest = result.Manifest;
        Assert.Equal(1, manifest.Version);
        var user = Assert.Single(manifest.Users!);
        Assert.Equal("mentor-ashley", user.UserId);
        Assert.Equal("Ashley Kim", user.Name);
        Assert.Equal("https://example.com/a.png", user.ProfileUrl);
        Assert.Equal(MemberType.Host, user.DefaultMemberType);
        var room = Assert.Single(manifest.Rooms!);
        Assert.Equal("One-on-One: Ashley & Jayden", room.Name);
        Assert.Equal("000585f36eed9e8fb6b655b4", room.Id);
        Assert.Equal("Ashley/Jayden", room.RenamedFrom);
        Assert.Equal(RoomType.Private, room.Type);
        Assert.True(room.Record);
        Assert.Equal(3600, room.MaxMeetingSeconds);
        Assert.Equal(2, room.Members!.Count);
    }

    [Fact]
    public void Example_KeepsSourcePositions()
    {
        var manifest = ManifestLoader.Parse(Example, "workspace.yaml").Manifest!;

        var user = manifest.Users![0];
        var room = manifest.Rooms![0];
        var jayden = room.Members![1];
        Assert.Equal(new SourcePosition("workspace.yaml", 4, 5), user.Position);
        Assert.Equal(new SourcePosition("workspace.yaml", 6, 18), user.Fields.Find("profile_url"));
        Assert.Equal(new SourcePosition("workspace.yaml", 9, 5), room.Position);
        Assert.Equal(new SourcePosition("workspace.yaml", 13, 13), room.Fields.Find("record"));
        Assert.Equal(new SourcePosition("workspace.yaml", 17, 9), jayden.Position);
        Assert.Equal("rooms[0].members[1]", jayden.Path);
        Assert.Equal("users[0]", user.Path);
    }

    [Fact]
    public void MemberWithoutType_DefaultsToGuest()
    {
        var members = ManifestLoader.Parse(Example, "workspace.yaml").Manifest!.Rooms![0].Members!;

        Assert.Equal(MemberType.Host, members[0].Type);
        Assert.False(members[0].TypeDefaulted);
        Assert.Equal(MemberType.Guest, members[1].Type);
        Assert.True(members[1].TypeDefaulted);
        Assert.False(members[1].Fields.Contains("type"));
    }

    [Fact]
    public void UndeclaredMember_IsExternalReferenceNotError()
    {
        var result = ManifestLoader.Parse(Example, "workspace.yaml");

        Assert.Empty(result.Errors);
        var reference = Assert.Single(result.ExternalUserReferences);
        Assert.Equal("mentee-jayden", reference.UserId);
        Assert.Equal("One-on-One: Ashley & Jayden", reference.RoomName);
        Assert.Equal("rooms[0].members[1].user_id", reference.Path);
        Assert.Equal(new SourcePosition("workspace.yaml", 17, 20), reference.Position);
    }

    [Fact]
    public void UnknownUserFactory_RendersLocatedError()
    {
        var reference = ManifestLoader.Parse(Example, "workspace.yaml").ExternalUserReferences[0];

        var error = ManifestErrors.UnknownUser(reference, ["mentor-ashley"]);

        Assert.Equal(
            "workspace.yaml:17:20: error PM040: rooms[0].members[1].user_id: User \"mentee-jayden\" is not declared "
            + "under users and does not exist in the workspace. Declare the user under users, or correct the user_id.",
            error.ToString());
    }

    [Fact]
    public void UnknownUserFactory_SuggestsCloseUserId()
    {
        var reference = ManifestLoader.Parse(Example, "workspace.yaml").ExternalUserReferences[0];

        var error = ManifestErrors.UnknownUser(reference, ["mentor-ashley", "mentee-jaden"]);

        Assert.StartsWith("Did you mean \"mentee-jaden\"? ", error.Fix);
    }

    [Fact]
    public void UndeclaredMember_WarnsWithSuggestion()
    {
        const string text = """
            version: 1
            users:
              - user_id: mentee-jayden
            rooms:
              - name: Demo
                type: open
                members:
                  - user_id: mentee-jaydn
            """;

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.True(result.Succeeded);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("PW002", warning.Code);
        Assert.Equal(new SourcePosition("workspace.yaml", 8, 18), warning.Position);
        Assert.Contains("\"mentee-jaydn\" of room \"Demo\"", warning.Message);
        Assert.StartsWith("Did you mean \"mentee-jayden\"? ", warning.Fix);
    }

    [Fact]
    public void MissingVersion_StillReportsDuplicateUser()
    {
        const string text = "users:\n  - user_id: a\n  - user_id: a\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors, error => error.Code == "PM015");
        Assert.Contains(result.Errors, error => error.Code == "PM023");
    }

    [Fact]
    public void DirectoryPath_IsNamedAsDirectory()
    {
        var folder = Directory.CreateTempSubdirectory("pagecall-manifest-").FullName;
        try
        {
            var result = ManifestLoader.Load(folder);

            var error = Assert.Single(result.Errors);
            Assert.Equal("PM031", error.Code);
            Assert.Contains("is a folder, not a file", error.Message);
            Assert.DoesNotContain("does not exist", error.Message);
        }
        finally
        {
            Directory.Delete(folder);
        }
    }

    [Fact]
    public void AmbiguousRoomFactory_NamesIdsAndPin()
    {
        var room = ManifestLoader.Parse(Example, "workspace.yaml").Manifest!.Rooms![0];

        string[] liveIds = ["aaaaaaaaaaaaaaaaaaaaaaaa", "bbbbbbbbbbbbbbbbbbbbbbbb"];

        var error = ManifestErrors.AmbiguousRoomName(room, "rooms[0]", liveIds);

        Assert.Equal("PM041", error.Code);
        Assert.Equal(new SourcePosition("workspace.yaml", 9, 11), error.Position);
        Assert.Contains("aaaaaaaaaaaaaaaaaaaaaaaa, bbbbbbbbbbbbbbbbbbbbbbbb", error.Message);
        Assert.Contains("id: aaaaaaaaaaaaaaaaaaaaaaaa", error.Fix);
    }

    [Fact]
    public void AbsentOptionalFields_AreNull()
    {
        const string text = "version: 1\nusers:\n  - user_id: a\nrooms:\n  - name: Demo\n    type: open\n";

        var manifest = ManifestLoader.Parse(text, "workspace.yaml").Manifest!;

        var user = manifest.Users![0];
        var room = manifest.Rooms![0];
        Assert.Null(user.Name);
        Assert.Null(user.ProfileUrl);
        Assert.Null(user.DefaultMemberType);
        Assert.Null(room.Id);
        Assert.Null(room.RenamedFrom);
        Assert.Null(room.Record);
        Assert.Null(room.MaxMeetingSeconds);
        Assert.Null(room.Members);
        Assert.Equal(["user_id"], user.Fields.Keys);
    }

    [Fact]
    public void AbsentAndEmptyLists_AreDistinct()
    {
        var absent = ManifestLoader.Parse("version: 1\n", "workspace.yaml").Manifest!;
        var empty = ManifestLoader.Parse("version: 1\nusers: []\nrooms: []\n", "workspace.yaml").Manifest!;

        Assert.Null(absent.Users);
        Assert.Null(absent.Rooms);
        Assert.Empty(empty.Users!);
        Assert.Empty(empty.Rooms!);
    }

    [Theory]
    [InlineData("user_id: 0123", "0123")]
    [InlineData("user_id: no", "no")]
    [InlineData("user_id: true", "true")]
    [InlineData("user_id: 1e3", "1e3")]
    [InlineData("user_id: 0x1F", "0x1F")]
    [InlineData("user_id: '007'", "007")]
    [InlineData("user_id: \"null\"", "null")]
    public void ScalarValues_KeepLiteralText(string line, string expected)
    {
        var result = ManifestLoader.Parse($"version: 1\nusers:\n  - {line}\n", "workspace.yaml");

        Assert.Equal(expected, result.Manifest!.Users![0].UserId);
    }

    [Theory]
    [InlineData("~", 11)]
    [InlineData("null", 11)]
    [InlineData("NULL", 11)]
    [InlineData("", 10)]
    public void NullOptionalField_IsAbsentWithWarning(string literal, int column)
    {
        var text = $"version: 1\nusers:\n  - user_id: a\n    name: {literal}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.True(result.Succeeded);
        Assert.Null(result.Manifest.Users![0].Name);
        Assert.False(result.Manifest.Users![0].Fields.Contains("name"));
        var warning = Assert.Single(result.Warnings);
        Assert.Equal("PW001", warning.Code);
        Assert.Equal((4, column), (warning.Position.Line, warning.Position.Column));
    }

    [Fact]
    public void NullMembersList_IsUnmanagedWithWarning()
    {
        const string text = "version: 1\nrooms:\n  - name: Demo\n    type: open\n    members:\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Null(result.Manifest!.Rooms![0].Members);
        Assert.Contains("write []", Assert.Single(result.Warnings).Fix);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("TRUE", true)]
    [InlineData("false", false)]
    [InlineData("False", false)]
    [InlineData("FALSE", false)]
    public void Record_AcceptsCoreSchemaBooleans(string literal, bool expected)
    {
        var text = $"version: 1\nrooms:\n  - name: Demo\n    type: open\n    record: {literal}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Equal(expected, result.Manifest!.Rooms![0].Record);
    }

    [Theory]
    [InlineData("yes", "Write true")]
    [InlineData("on", "Write true")]
    [InlineData("no", "Write false")]
    [InlineData("off", "Write false")]
    [InlineData("tRUE", "Write true or false")]
    public void Record_RejectsOtherBooleanSpellings(string literal, string fix)
    {
        var text = $"version: 1\nrooms:\n  - name: Demo\n    type: open\n    record: {literal}\n";

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM018", error.Code);
        Assert.StartsWith(fix, error.Fix);
    }

    [Theory]
    [InlineData("3600", 3600)]
    [InlineData("+60", 60)]
    [InlineData("0090", 90)]
    public void MaxMeetingSeconds_AcceptsDecimal(string literal, int expected)
    {
        var text = $"version: 1\nrooms:\n  - name: Demo\n    type: open\n    max_meeting_seconds: {literal}\n";

        Assert.Equal(expected, ManifestLoader.Parse(text, "workspace.yaml").Manifest!.Rooms![0].MaxMeetingSeconds);
    }

    [Theory]
    [InlineData("0x10")]
    [InlineData("1e3")]
    [InlineData("'3600'")]
    [InlineData("99999999999")]
    [InlineData("1_000")]
    public void MaxMeetingSeconds_RejectsNonDecimal(string literal)
    {
        var text = $"version: 1\nrooms:\n  - name: Demo\n    type: open\n    max_meeting_seconds: {literal}\n";

        Assert.Equal("PM019", Assert.Single(ManifestLoader.Parse(text, "workspace.yaml").Errors).Code);
    }

    [Fact]
    public void ManyProblems_AreAllReported()
    {
        const string text = """
            version: 1
            users:
              - user_id: a
                nmae: A
              - user_id: a
            rooms:
              - name: Demo
                type: secret
                record: yes
                members:
                  - { user_id: a, type: hots }
              - type: open
            """;

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Equal(["PM011", "PM017", "PM018", "PM017", "PM015", "PM023"], result.Errors.Select(error => error.Code));
        Assert.Null(result.Manifest);
    }

    [Fact]
    public void InvalidValues_StillReportDuplicates()
    {
        const string text = """
            version: 1
            users:
              - user_id: ann
            rooms:
              - name: Demo
                type: Public
                renamed_from: Demo
                members:
                  - { user_id: ann, type: boss }
                  - { user_id: ann }
              - name: Demo
            """;

        var result = ManifestLoader.Parse(text, "workspace.yaml");

        Assert.Null(result.Manifest);
        Assert.Equal(
            [
                "PM017 rooms[0].type",
                "PM017 rooms[0].members[0].type",
                "PM015 rooms[1].type",
                "PM024 rooms[1].name",
                "PM027 rooms[0].renamed_from",
                "PM026 rooms[0].members[1].user_id",
            ],
            result.Errors.Select(error => $"{error.Code} {error.Path}"));
    }

    [Fact]
    public void Diagnostic_RendersCompilerStyleLine()
    {
        var result = ManifestLoader.Parse("version: 1\nrooms:\n  - name: Demo\n    type: opne\n", "workspace.yaml");

        Assert.Equal(
            "workspace.yaml:4:11: error PM017: rooms[0].type: Room type \"opne\" is not valid. "
            + "Allowed values: open, public, private. Did you mean \"open\"?",
            Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void NonScalarKey_ReportsKeyPosition()
    {
        var result = ManifestLoader.Parse("version: 1\n? [a, b]\n: c\n", "workspace.yaml");

        var error = Assert.Single(result.Errors);
        Assert.Equal("PM014", error.Code);
        Assert.Equal((2, 3), (error.Position.Line, error.Position.Column));
    }

    [Fact]
    public void SameText_GivesEqualManifests()
    {
        var first = ManifestLoader.Parse(Example, "workspace.yaml").Manifest;
        var second = ManifestLoader.Parse(Example, "workspace.yaml").Manifest;

        Assert.Equal(first, second);
    }

    [Fact]
    public void PinnedRoomsWithSameName_AreValid()
    {
        const string text = """
            version: 1
            rooms:
              - { name: Demo, id: 000585f36eed9e8fb6b655b4, type: open }
              - { name: Demo, id: 000585f36eed9e8fb6b655b5, type: open }
            """;

        Assert.True(ManifestLoader.Parse(text, "workspace.yaml").Succeeded);
    }

    [Fact]
    public void LoadFromFile_UsesPathAsFileName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "version: 2\n");
        try
        {
            var error = Assert.Single(ManifestLoader.Load(path).Errors);

            Assert.Equal(path, error.Position.File);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("version: \"1\"", "quoted text")]
    [InlineData("version: 1.0", "\"1.0\" is not supported")]
    public void Version_MustBeUnquotedOne(string line, string message)
    {
        var error = Assert.Single(ManifestLoader.Parse(line + "\n", "workspace.yaml").Errors);

        Assert.Equal("PM016", error.Code);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Tags_AreIgnored()
    {
        var result = ManifestLoader.Parse("version: !!int 1\nusers:\n  - user_id: !!str 12\n", "workspace.yaml");

        Assert.Equal("12", result.Manifest!.Users![0].UserId);
    }

    [Fact]
    public void MergeKey_IsUnknownKey()
    {
        const string text = "version: 1\nrooms:\n  - &demo { name: Demo, type: open }\n  - { <<: *demo, name: Other, type: open }\n";

        var error = Assert.Single(ManifestLoader.Parse(text, "workspace.yaml").Errors);

        Assert.Equal("PM011", error.Code);
        Assert.Equal((4, 7), (error.Position.Line, error.Position.Column));
        Assert.StartsWith("Merge keys are not supported", error.Fix);
    }
}
