using System.Globalization;
using System.Text;

namespace Pagecall.Provisioning.Tests.Chaos;

/// <summary>Writes a large manifest with a fixed shape, so every run plans the same changes.</summary>
internal static class GeneratedManifest
{
    private static readonly string[] RoomTypes = ["private", "public", "open"];
    private static readonly string[] UserTypes = ["guest", "host", "monitor"];

    /// <summary>
    /// Returns the YAML of a manifest with <paramref name="userCount"/> users and <paramref name="roomCount"/> rooms.
    /// Room <c>i</c> has <paramref name="membersPerRoom"/> members: a host, then guests taken in turn from the users.
    /// With <paramref name="changed"/>, every second user has a new name, every fourth room is renamed (with
    /// <c>renamed_from</c>), every third room swaps its last member for the next user, and every fifth room makes
    /// its second member a monitor.
    /// </summary>
    public static string Yaml(int userCount, int roomCount, int membersPerRoom, bool changed = false)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 1");
        yaml.AppendLine("users:");
        for (var user = 0; user < userCount; user++)
        {
            var name = changed && user % 2 == 0 ? $"User {user:D4} renamed" : $"User {user:D4}";
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ user_id: {UserId(user)}, name: \"{name}\", default_member_type: {UserTypes[user % UserTypes.Length]} }}");
        }

        yaml.AppendLine("rooms:");
        for (var room = 0; room < roomCount; room++)
        {
            if (changed && room % 4 == 0)
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: \"Room {room:D3} renamed\"");
                yaml.AppendLine(CultureInfo.InvariantCulture, $"    renamed_from: \"Room {room:D3}\"");
            }
            else
            {
                yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: \"Room {room:D3}\"");
            }

            yaml.AppendLine(CultureInfo.InvariantCulture, $"    type: {RoomTypes[room % RoomTypes.Length]}");
            yaml.AppendLine("    members:");
            for (var member = 0; member < membersPerRoom; member++)
            {
                var offset = changed && room % 3 == 0 && member == membersPerRoom - 1 ? 1 : 0;
                var user = (room * membersPerRoom + member + offset) % userCount;
                var type = member switch
                {
                    0 => "host",
                    1 when changed && room % 5 == 0 => "monitor",
                    _ => "guest",
                };
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - {{ user_id: {UserId(user)}, type: {type} }}");
            }
        }

        return yaml.ToString();
    }

    private static string UserId(int index) => "user-" + index.ToString("D4", CultureInfo.InvariantCulture);
}
