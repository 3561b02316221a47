using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace Pagecall.OpenApi.Generator.Parsing;

/// <summary>
/// Turns spec names into C# identifiers. The same input always gives the same output; collisions are
/// reported by the caller, never resolved with a suffix.
/// </summary>
/// <remarks>
/// Words are split on every character that is not a letter or digit and on camel humps. Symbols that would
/// otherwise make two names equal are spelled out (see <see cref="SpelledSymbols"/>), and a leading '-' is
/// spelled "Minus". Letters outside ASCII are kept when C# accepts them in identifiers; other characters are
/// dropped. A name that starts with a digit gets the prefix "N"; a name with no letters or digits left is "Empty".
/// </remarks>
internal static class Naming
{
    private static readonly Dictionary<char, string> SpelledSymbols = new()
    {
        ['<'] = "Lt",
        ['>'] = "Gt",
        ['='] = "Eq",
        ['+'] = "Plus",
        ['*'] = "Star",
        ['@'] = "At",
        ['#'] = "Hash",
        ['%'] = "Percent",
        ['&'] = "And",
        ['!'] = "Not",
        ['~'] = "Tilde",
        ['$'] = "Dollar",
    };

    private static readonly HashSet<string> Keywords = new()
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit",
        "extern", "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int",
        "interface", "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out",
        "override", "params", "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed",
        "short", "sizeof", "stackalloc", "static", "string", "struct", "switch", "this", "throw", "true", "try",
        "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort", "using", "virtual", "void", "volatile",
        "while",

        // Contextual keywords, escaped too so that no parameter reads as one.
        "add", "alias", "and", "args", "ascending", "async", "await", "by", "descending", "dynamic", "equals",
        "field", "file", "from", "get", "global", "group", "init", "into", "join", "let", "managed", "nameof",
        "nint", "not", "notnull", "nuint", "on", "or", "orderby", "partial", "record", "remove", "required",
        "scoped", "select", "set", "unmanaged", "value", "var", "when", "where", "with", "yield",
    };

    /// <summary>Converts a spec name to a PascalCase identifier, such as "user_id" to "UserId".</summary>
    public static string ToPascalCase(string name)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(name))
        {
            builder.Append(char.ToUpperInvariant(word[0]));
            builder.Append(word, 1, word.Length - 1);
        }

        return Finish(builder.ToString());
    }

    /// <summary>
    /// Converts a spec name to a camelCase parameter name, escaped with '@' when it is a C# keyword.
    /// </summary>
    public static string ToParameterName(string name)
    {
        var words = SplitWords(name);
        var builder = new StringBuilder();
        for (var i = 0; i < words.Count; i++)
        {
            var word = words[i];
            if (i == 0)
            {
                builder.Append(word.ToLowerInvariant());
            }
            else
            {
                builder.Append(char.ToUpperInvariant(word[0]));
                builder.Append(word, 1, word.Length - 1);
            }
        }

        var identifier = Finish(builder.ToString());
        if (identifier[0] == 'N' && identifier.Length > 1 && char.IsDigit(identifier[1]))
        {
            identifier = "n" + identifier.Substring(1);
        }

        return Keywords.Contains(identifier) ? "@" + identifier : identifier;
    }

    /// <summary>Returns whether a name is a valid, non-keyword C# identifier.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name) || !(IsLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!IsIdentifierPart(c))
            {
                return false;
            }
        }

        return true;
    }

    private static string Finish(string identifier)
    {
        if (identifier.Length == 0)
        {
            return "Empty";
        }

        return char.IsDigit(identifier[0]) ? "N" + identifier : identifier;
    }

    private static List<string> SplitWords(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (IsIdentifierPart(c) && c != '_')
            {
                if (current.Length > 0 && StartsHump(name, i))
                {
                    Flush(words, current);
                }

                current.Append(c);
                continue;
            }

            Flush(words, current);
            if (c == '-' && i == 0)
            {
                words.Add("Minus");
            }
            else if (SpelledSymbols.TryGetValue(c, out var spelled))
            {
                words.Add(spelled);
            }
        }

        Flush(words, current);
        return words;
    }

    // A hump starts at an upper-case letter after a lower-case one ("userId") and at the last capital of a run
    // that continues in lower case ("HTTPServer" splits before "Server").
    private static bool StartsHump(string name, int index)
    {
        var c = name[index];
        var previous = name[index - 1];
        if (!char.IsUpper(c))
        {
            return false;
        }

        if (char.IsLower(previous))
        {
            return true;
        }

        return char.IsUpper(previous) && index + 1 < name.Length && char.IsLower(name[index + 1]);
    }

    private static void Flush(List<string> words, StringBuilder current)
    {
        if (current.Length > 0)
        {
            // A word that starts with a combining mark has nothing to attach to, so the mark is dropped.
            var word = current.ToString();
            while (word.Length > 0 && !IsLetter(word[0]) && !char.IsDigit(word[0]))
            {
                word = word.Substring(1);
            }

            if (word.Length > 0)
            {
                words.Add(word);
            }

            current.Clear();
        }
    }

    private static bool IsLetter(char c)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.LetterNumber;
    }

    private static bool IsIdentifierPart(char c)
    {
        if (IsLetter(c) || c == '_')
        {
            return true;
        }

        var category = CharUnicodeInfo.GetUnicodeCategory(c);
        return category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.NonSpacingMark
            or UnicodeCategory.SpacingCombiningMark;
    }
}
