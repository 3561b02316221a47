using System.Text.RegularExpressions;
using Pagecall.Provisioning.Manifest.Yaml;

namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Turns a YAML tree into the manifest model, checking each element on its own: keys, types, required values
/// and formats. Checks across elements live in <see cref="ManifestValidator"/>. An element without its identity
/// (a user's or member's <c>user_id</c>, a room's <c>name</c>) is left out of the model. An element with another
/// missing or invalid value stays in with a placeholder, so the checks across elements still report its
/// duplicates in the same run. The placeholder never reaches a caller, because a load with an error returns no
/// model.
/// </summary>
internal sealed partial class ManifestReader(DiagnosticBag diagnostics)
{
    internal static readonly string[] TopLevelKeys = ["version", "users", "rooms"];
    internal static readonly string[] UserKeys = ["user_id", "name", "profile_url", "default_member_type"];
    internal static readonly string[] RoomKeys =
        ["name", "id", "renamed_from", "type", "record", "max_meeting_seconds", "members"];
    internal static readonly string[] MemberKeys = ["user_id", "type"];

    public WorkspaceManifest? Read(YamlNode root)
    {
        if (root is not YamlMapping mapping)
        {
            diagnostics.Add(root is YamlScalar { IsNull: true }
                ? ManifestErrors.EmptyDocument(root.Position.File)
                : ManifestErrors.RootNotMapping(root.Position, root.Describe()));
            return null;
        }

        var fields = MappingFields.Read(mapping, "", TopLevelKeys, diagnostics);
        var version = ReadVersion(fields);
        var users = ReadList(fields, "users", ReadUser);
        var rooms = ReadList(fields, "rooms", ReadRoom);
        // A missing or unsupported version is already an error, but the manifest is still returned, so that the
        // checks across elements (such as duplicate user ids) report their errors in the same run.
        return new WorkspaceManifest(version ?? 0, users, rooms, mapping.Position);
    }

    private int? ReadVersion(MappingFields fields)
    {
        var text = fields.RequiredString("version");
        if (text is null)
        {
            return null;
        }

        var scalar = (YamlScalar)fields.Node("version")!;
        if (scalar is { IsPlain: true, Value: "1" })
        {
            return 1;
        }

        diagnostics.Add(ManifestErrors.UnsupportedVersion(scalar.Position, "version", text, !scalar.IsPlain));
        return null;
    }

    private ManifestUser? ReadUser(YamlNode node, string path)
    {
        if (Mapping(node, path, UserKeys) is not { } fields)
        {
            return null;
        }

        var userId = fields.RequiredString("user_id");
        var name = fields.OptionalString("name");
        var profileUrl = ReadProfileUrl(fields);
        var memberType = fields.Name<MemberType>("default_member_type", "Member type");
        return userId is null
            ? null
            : new ManifestUser(userId, name, profileUrl, memberType, node.Position, path, fields.Positions);
    }

    private ManifestRoom? ReadRoom(YamlNode node, string path)
    {
        if (Mapping(node, path, RoomKeys) is not { } fields)
        {
            return null;
        }

        var name = fields.RequiredString("name");
        var id = ReadRoomId(fields);
        var renamedFrom = fields.OptionalString("renamed_from");
        var type = fields.RequiredName<RoomType>("type", "Room type");
        var record = fields.Boolean("record");
        var maxMeetingSeconds = fields.PositiveInteger("max_meeting_seconds");
        var members = ReadList(fields, "members", ReadMember);
        return name is null
            ? null
            : new ManifestRoom(
                name, id, renamedFrom, type ?? RoomType.Private, record, maxMeetingSeconds, members, node.Position,
                path, fields.Positions);
    }

    private ManifestMember? ReadMember(YamlNode node, string path)
    {
        if (Mapping(node, path, MemberKeys) is not { } fields)
        {
            return null;
        }

        var userId = fields.RequiredString("user_id");
        var type = fields.Name<MemberType>("type", "Member type");
        var defaulted = !fields.Positions.Contains("type");
        if (userId is null)
        {
            return null;
        }

        return new ManifestMember(userId, type ?? MemberType.Guest, defaulted, node.Position, path, fields.Positions);
    }

    private string? ReadRoomId(MappingFields fields)
    {
        var scalar = fields.Scalar("id");
        if (scalar is null || RoomIdPattern().IsMatch(scalar.Value))
        {
            return scalar?.Value;
        }

        diagnostics.Add(ManifestErrors.InvalidRoomId(scalar.Position, fields.PathOf("id"), scalar.Value));
        return null;
    }

    private string? ReadProfileUrl(MappingFields fields)
    {
        var scalar = fields.Scalar("profile_url");
        if (scalar is null || IsHttpUrl(scalar.Value))
        {
            return scalar?.Value;
        }

        diagnostics.Add(ManifestErrors.InvalidProfileUrl(scalar.Position, fields.PathOf("profile_url"), scalar.Value));
        return null;
    }

    private static bool IsHttpUrl(string text) =>
        !text.Any(char.IsWhiteSpace)
        && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && uri.Host.Length > 0;

    private ValueList<T>? ReadList<T>(MappingFields fields, string key, Func<YamlNode, string, T?> readItem)
        where T : class
    {
        var sequence = fields.Sequence(key);
        if (sequence is null)
        {
            return null;
        }

        var items = new List<T>();
        for (var index = 0; index < sequence.Items.Count; index++)
        {
            var item = readItem(sequence.Items[index], $"{fields.PathOf(key)}[{index}]");
            if (item is not null)
            {
                items.Add(item);
            }
        }

        return new ValueList<T>(items);
    }

    private MappingFields? Mapping(YamlNode node, string path, IReadOnlyList<string> keys)
    {
        if (node is YamlMapping mapping)
        {
            return MappingFields.Read(mapping, path, keys, diagnostics);
        }

        diagnostics.Add(ManifestErrors.ExpectedMapping(node.Position, path, node.Describe()));
        return null;
    }

    [GeneratedRegex("^[0-9a-f]{24}$")]
    private static partial Regex RoomIdPattern();
}
