using System.Text.Encodings.Web;
using System.Text.Json;

namespace Pagecall.Provisioning.Planning;

/// <summary>
/// Builds change addresses such as <c>user["mentor-ashley"]</c>, <c>room["Demo"]</c> and
/// <c>room["Demo"].member["mentor-ashley"]</c>. Keys are written as JSON strings, so quotes, backslashes and
/// control characters are escaped, every address is one line, and each object has exactly one address.
/// </summary>
public static class Addresses
{
    public static string User(string userId) => $"user[{Quote(userId)}]";

    public static string Room(string name) => $"room[{Quote(name)}]";

    public static string Member(string roomName, string userId) => $"{Room(roomName)}.member[{Quote(userId)}]";

    /// <summary>
    /// Quotes text as a JSON string. The relaxed encoder leaves non-ASCII text readable and still escapes '"', '\'
    /// and control characters, so quoted text cannot break a line or send terminal escape sequences.
    /// </summary>
    internal static string Quote(string key) =>
        $"\"{JsonEncodedText.Encode(key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping)}\"";
}
