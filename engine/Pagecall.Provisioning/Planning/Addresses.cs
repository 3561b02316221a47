using System.Globalization;
using System.Text;
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
    /// and control characters, so quoted text cannot break a line or send terminal escape sequences. Invisible
    /// format characters, such as the bidirectional override U+202E and the zero-width space U+200B, are escaped
    /// too, so a live name cannot reorder the rest of a line or pass for another name.
    /// </summary>
    internal static string Quote(string key) =>
        $"\"{EscapeFormatCharacters(JsonEncodedText.Encode(key, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString())}\"";

    // The relaxed encoder leaves characters of the Unicode category Cf (format) as they are. Each is written as
    // \uXXXX, one escape per UTF-16 code unit, as JSON writes characters outside the Basic Multilingual Plane.
    private static string EscapeFormatCharacters(string encoded)
    {
        StringBuilder? escaped = null;
        var copied = 0;
        var index = 0;
        foreach (var rune in encoded.EnumerateRunes())
        {
            if (Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format)
            {
                escaped ??= new StringBuilder(encoded.Length + 12);
                escaped.Append(encoded, copied, index - copied);
                for (var unit = index; unit < index + rune.Utf16SequenceLength; unit++)
                {
                    escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)encoded[unit]:X4}");
                }

                copied = index + rune.Utf16SequenceLength;
            }

            index += rune.Utf16SequenceLength;
        }

        return escaped is null ? encoded : escaped.Append(encoded, copied, encoded.Length - copied).ToString();
    }
}
