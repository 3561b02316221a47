using System.Globalization;
using System.Text;

namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Checks and comparison keys for the text that identifies users and rooms: user ids and room names.
/// </summary>
internal static class IdentifierText
{
    /// <summary>Returns the index of the first control character (Unicode category Cc), or -1.</summary>
    public static int IndexOfControl(string value)
    {
        for (var index = 0; index < value.Length; index++)
        {
            if (char.IsControl(value[index]))
            {
                return index;
            }
        }

        return -1;
    }

    /// <summary>
    /// Tells whether every character is white space or an invisible format character (Unicode category Cf,
    /// such as U+200B ZERO WIDTH SPACE or U+FEFF), so the value shows as blank.
    /// </summary>
    public static bool IsInvisible(string value)
    {
        foreach (var rune in value.EnumerateRunes())
        {
            if (!Rune.IsWhiteSpace(rune) && Rune.GetUnicodeCategory(rune) != UnicodeCategory.Format)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Returns the key under which two values count as the same identifier: the Unicode NFC form, so "é" as
    /// U+00E9 and as U+0065 U+0301 collide. The literal value is still the one sent to the API.
    /// </summary>
    /// <remarks>
    /// NOTE: in globalization-invariant mode .NET leaves non-ASCII text unnormalized, so there only identical
    /// text collides. The pagecall-provision tool keeps globalization on for this reason.
    /// </remarks>
    public static string ComparisonKey(string value)
    {
        try
        {
            return value.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            // Text with an unpaired surrogate has no normal form, so it is compared as it is.
            return value;
        }
    }

    /// <summary>Lists the code points of a value, such as "U+0065 U+0301", for messages about invisible text.</summary>
    public static string CodePoints(string value)
    {
        const int maxCount = 16;
        var points = new List<string>();
        foreach (var rune in value.EnumerateRunes())
        {
            if (points.Count == maxCount)
            {
                points.Add("...");
                break;
            }

            points.Add(string.Create(CultureInfo.InvariantCulture, $"U+{rune.Value:X4}"));
        }

        return string.Join(" ", points);
    }
}
