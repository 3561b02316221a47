using System.Text;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Tests.Planning;

/// <summary>Builders for manifests and live workspaces, and a compact text form of a plan to compare against.</summary>
internal static class PlanTestData
{
    public const string RoomA = "aaaaaaaaaaaaaaaaaaaaaaa1";
    public const string RoomB = "bbbbbbbbbbbbbbbbbbbbbbb2";
    public const string RoomC = "ccccccccccccccccccccccc3";

    public static ManifestLoadResult Load(string yaml)
    {
        var loaded = ManifestLoader.Parse(yaml, "workspace.yaml");
        Assert.True(loaded.Succeeded, string.Join(Environment.NewLine, loaded.Errors));
        return loaded;
    }

    public static LiveUser User(string userId, string? name = null, string? profileUrl = null, string? type = "guest") =>
        new($"id-{userId}", userId, name, profileUrl, type, new SensitiveValue($"token-of-{userId}"));

    public static LiveRoom Room(
        string id, string name, string type = "private", bool? record = true, long? maxMeetingSeconds = null,
        bool terminated = false, params LiveMember[] members) =>
        new(id, name, type, record, maxMeetingSeconds, terminated, members);

    public static LiveMember Member(string userId, string? type = "guest") => new($"member-{userId}", userId, type);

    public static LiveWorkspace Workspace(IEnumerable<LiveUser>? users = null, IEnumerable<LiveRoom>? rooms = null) =>
        new([.. users ?? []], [.. rooms ?? []]);

    /// <summary>
    /// Writes every change on one line (action, address, live id, reason), then one indented line per field and
    /// per dependency, so that an expected plan reads like the plan itself.
    /// </summary>
    public static string Describe(Plan plan)
    {
        var builder = new StringBuilder();
        foreach (var change in plan.Changes)
        {
            var id = change.LiveId is null ? "" : $" ({change.LiveId})";
            builder.Append($"{change.Action} {change.Address}{id}: {change.Reason}\n");
            foreach (var field in change.Fields)
            {
                var forces = field.ForcesReplacement ? " [forces replacement]" : "";
                builder.Append($"  {field.Field}: {Show(field.Before)} -> {Show(field.After)}{forces}\n");
            }

            foreach (var dependency in change.DependsOn)
            {
                builder.Append($"  depends on {dependency}\n");
            }
        }

        return builder.ToString();
    }

    private static string Show(string? value) => value is null ? "null" : $"\"{value}\"";
}
