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
    /// </summary>
    public static string Yaml(int userCount, int roomCount, int membersPerRoom)
    {
        var yaml = new StringBuilder();
        yaml.AppendLine("version: 1");
        yaml.AppendLine("users:");
        for (var user = 0; user < userCount; user++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture,
                $"  - {{ user_id: {UserId(user)}, name: \"User {user:D4}\", default_member_type: {UserTypes[user % UserTypes.Length]} }}");
        }

        yaml.AppendLine("rooms:");
        for (var room = 0; room < roomCount; room++)
        {
            yaml.AppendLine(CultureInfo.InvariantCulture, $"  - name: \"Room {room:D3}\"");
            yaml.AppendLine(CultureInfo.InvariantCulture, $"    type: {RoomTypes[room % RoomTypes.Length]}");
            yaml.AppendLine("    members:");
            for (var member = 0; member < membersPerRoom; member++)
            {
                var user = (room * membersPerRoom + member) % userCount;
                var type = member == 0 ? "host" : "guest";
                yaml.AppendLine(CultureInfo.InvariantCulture, $"      - {{ user_id: {UserId(user)}, type: {type} }}");
            }
        }

        return yaml.ToString();
    }

    private static string UserId(int index) => "user-" + index.ToString("D4", CultureInfo.InvariantCulture);
}
