using System.Globalization;
using System.Text;

namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// The catalogue of manifest diagnostics, with one factory per stable code so that all wording lives here.
/// The loader raises PM001 to PM033 and the PW warnings. The planner raises PM040 and PM041 against live state.
/// </summary>
public static class ManifestErrors
{
    /// <summary>Every code with the rule it states, in code order.</summary>
    public static IReadOnlyList<(string Code, string Title)> Catalogue { get; } =
    [
        ("PM001", "The file is not valid YAML"),
        ("PM002", "Indentation uses a tab character"),
        ("PM003", "The file is larger than the size limit"),
        ("PM004", "The file is not valid UTF-8"),
        ("PM005", "Aliases expand to more nodes than the limit"),
        ("PM006", "Nesting is deeper than the limit"),
        ("PM007", "The file contains no document"),
        ("PM008", "The document is not a mapping"),
        ("PM009", "The file contains more than one document"),
        ("PM010", "A mapping repeats a key"),
        ("PM011", "A key is not part of the manifest format"),
        ("PM012", "A mapping was expected"),
        ("PM013", "A list was expected"),
        ("PM014", "A single value was expected"),
        ("PM015", "A required key is missing"),
        ("PM016", "The manifest version is not supported"),
        ("PM017", "A value is not one of the allowed names"),
        ("PM018", "A value is not a boolean"),
        ("PM019", "A value is not a decimal integer"),
        ("PM020", "An integer is not positive"),
        ("PM021", "A room id is not 24 lowercase hex characters"),
        ("PM022", "A profile URL is not an absolute http or https URL"),
        ("PM023", "Two users have the same user_id"),
        ("PM024", "Two rooms without an id have the same name"),
        ("PM025", "Two rooms pin the same id"),
        ("PM026", "A room lists the same user twice"),
        ("PM027", "A room's renamed_from equals its own name"),
        ("PM028", "A room's renamed_from equals another room's name"),
        ("PM029", "A required value is empty"),
        ("PM030", "An alias refers to an undefined anchor"),
        ("PM031", "The file cannot be read"),
        ("PM032", "A value contains a control character"),
        ("PM033", "A user_id is a dot path segment"),
        ("PM040", "A member refers to a user that exists neither in the manifest nor live"),
        ("PM041", "A room name matches more than one live room"),
        ("PW001", "A null value is treated as an absent key"),
        ("PW002", "A member refers to a user that is not declared in the manifest"),
    ];

    public static ManifestDiagnostic YamlSyntax(SourcePosition at, string parserMessage) =>
        Error("PM001", at, "", $"The file is not valid YAML: {parserMessage.TrimEnd('.')}.",
            "Fix the YAML syntax at this position, and quote values that contain \": \" or start with a special "
            + "character.");

    public static ManifestDiagnostic TabIndentation(SourcePosition at) =>
        Error("PM002", at, "", "A tab character is used for indentation, and YAML allows only spaces there.",
            "Replace the tab with spaces.");

    public static ManifestDiagnostic FileTooLarge(string file, long size, long limit) =>
        Error("PM003", Start(file), "", $"The file is {size} bytes, larger than the limit of {limit} bytes.",
            "Shorten the file by removing comments and optional fields that repeat their default values. "
            + "pagecall-provision has no option to raise the limit. Removing a user or a room from the manifest "
            + "only stops managing it, and apply leaves it in the workspace without deleting it. "
            + "Library callers can raise ManifestLoadOptions.MaxFileBytes.");

    public static ManifestDiagnostic InvalidUtf8(SourcePosition at, long byteOffset, byte value) =>
        Error("PM004", at, "", $"The file is not valid UTF-8: invalid byte 0x{value:X2} at offset {byteOffset}.",
            "Save the file as UTF-8.");

    public static ManifestDiagnostic UnpairedSurrogate(SourcePosition at, int charOffset, char codeUnit) =>
        Error("PM004", at, "",
            $"The file is not valid UTF-8: the text has an unpaired surrogate U+{(int)codeUnit:X4} at character offset {charOffset}.",
            "Save the file as UTF-8.");

    public static ManifestDiagnostic AliasExpansionLimit(SourcePosition at, string alias, long expanded, int limit) =>
        Error("PM005", at, "",
            $"Alias {Quote("*" + alias)} brings the expanded aliases to {expanded} nodes, past the limit of {limit} "
            + "nodes.",
            "Write the repeated content out or use fewer nested aliases.");

    public static ManifestDiagnostic NestingTooDeep(SourcePosition at, int limit) =>
        Error("PM006", at, "", $"The document nests deeper than {limit} levels.",
            "Flatten the document. A manifest needs no more than five levels.");

    public static ManifestDiagnostic EmptyDocument(string file) =>
        Error("PM007", Start(file), "", "The file contains no YAML document.",
            "Start the manifest with \"version: 1\".");

    public static ManifestDiagnostic RootNotMapping(SourcePosition at, string found) =>
        Error("PM008", at, "", $"The document is {found}, but a manifest is a mapping.",
            "Start the manifest with \"version: 1\" followed by \"users:\" and \"rooms:\".");

    public static ManifestDiagnostic MultipleDocuments(SourcePosition at) =>
        Error("PM009", at, "", "The file contains more than one YAML document.",
            "Keep one document per manifest file and remove the extra \"---\" separator.");

    public static ManifestDiagnostic DuplicateKey(SourcePosition at, string path, string key, SourcePosition first) =>
        Error("PM010", at, path,
            $"Key {Quote(key)} appears twice in this mapping. The first is at {LineColumn(first)}.",
            "Remove one of the two entries.");

    public static ManifestDiagnostic UnknownKey(
        SourcePosition at, string path, string key, IReadOnlyList<string> allowed)
    {
        var suggestion = Suggestions.Closest(key, allowed);
        var fix = (key, suggestion) switch
        {
            ("<<", _) => "Merge keys are not supported. Write the keys out, or alias a whole list or value.",
            (_, null) => $"Remove it. Allowed keys: {string.Join(", ", allowed)}.",
            _ => $"Did you mean {Quote(suggestion)}?",
        };
        return Error("PM011", at, path, $"Unknown key {Quote(key)}.", fix);
    }

    public static ManifestDiagnostic ExpectedMapping(SourcePosition at, string path, string found) =>
        Error("PM012", at, path, $"Expected a mapping of keys, found {found}.",
            "Write \"key: value\" lines indented under this key.");

    public static ManifestDiagnostic ExpectedSequence(SourcePosition at, string path, string found) =>
        Error("PM013", at, path, $"Expected a list, found {found}.",
            "Write each item on its own line starting with \"- \", or use [] for an empty list.");

    public static ManifestDiagnostic ExpectedScalar(SourcePosition at, string path, string found) =>
        Error("PM014", at, path, $"Expected a single value, found {found}.",
            "Write the value on the same line as its key.");

    public static ManifestDiagnostic MissingKey(SourcePosition at, string path, string key) =>
        Error("PM015", at, path, $"Required key {Quote(key)} is missing.", $"Add \"{key}: ...\" here.");

    public static ManifestDiagnostic UnsupportedVersion(SourcePosition at, string path, string value, bool quoted)
    {
        var message = quoted
            ? $"Manifest version {Quote(value)} is quoted text, but the version is a number."
            : $"Manifest version {Quote(value)} is not supported.";
        return Error("PM016", at, path, message, "Write \"version: 1\", with the number unquoted.");
    }

    public static ManifestDiagnostic InvalidName(
        SourcePosition at, string path, string what, string value, IReadOnlyList<string> allowed)
    {
        var suggestion = Suggestions.Closest(value, allowed);
        var fix = suggestion is null ? "Use one of the allowed values." : $"Did you mean {Quote(suggestion)}?";
        return Error("PM017", at, path,
            $"{what} {Quote(value)} is not valid. Allowed values: {string.Join(", ", allowed)}.", fix);
    }

    public static ManifestDiagnostic InvalidBoolean(SourcePosition at, string path, string value, bool quoted)
    {
        var fix = SuggestBoolean(value, quoted);
        return Error("PM018", at, path, $"Expected true or false, found {Quote(value)}.", fix);
    }

    public static ManifestDiagnostic InvalidInteger(SourcePosition at, string path, string value) =>
        Error("PM019", at, path, $"Expected a whole number written in decimal digits, found {Quote(value)}.",
            "Write the number as plain digits without quotes, such as 3600.");

    public static ManifestDiagnostic NonPositiveInteger(SourcePosition at, string path, string value) =>
        Error("PM020", at, path, $"Expected a positive number, found {Quote(value)}.",
            "Use a number of 1 or more, or remove the key.");

    public static ManifestDiagnostic InvalidRoomId(SourcePosition at, string path, string value) =>
        Error("PM021", at, path, $"Room id {Quote(value)} is not 24 lowercase hex characters.",
            "Copy the id of the live room, such as 000585f36eed9e8fb6b655b4, or remove the key.");

    public static ManifestDiagnostic InvalidProfileUrl(SourcePosition at, string path, string value) =>
        Error("PM022", at, path, $"Profile URL {Quote(value)} is not an absolute http or https URL.",
            "Write a full URL such as https://example.com/avatar.png.");

    public static ManifestDiagnostic DuplicateUserId(
        SourcePosition at, string path, string userId, SourcePosition first, string firstUserId) =>
        Error("PM023", at, path,
            $"User id {Quote(userId)} is declared twice. The first is at {LineColumn(first)}."
            + NormalizationNote(userId, firstUserId),
            "Merge the two users into one entry.");

    public static ManifestDiagnostic DuplicateRoomName(
        SourcePosition at, string path, string name, SourcePosition first, string firstName) =>
        Error("PM024", at, path,
            $"Room name {Quote(name)} is used by two rooms without an id. The first is at {LineColumn(first)}."
            + NormalizationNote(name, firstName),
            "Give the rooms different names, or pin each one with its live \"id\".");

    public static ManifestDiagnostic DuplicateRoomId(SourcePosition at, string path, string id, SourcePosition first) =>
        Error("PM025", at, path, $"Room id {Quote(id)} is pinned by two rooms. The first is at {LineColumn(first)}.",
            "Remove the duplicate room or correct its id.");

    public static ManifestDiagnostic DuplicateMember(
        SourcePosition at, string path, string userId, SourcePosition first, string firstUserId) =>
        Error("PM026", at, path,
            $"User {Quote(userId)} is listed twice in this room. The first is at {LineColumn(first)}."
            + NormalizationNote(userId, firstUserId),
            "Keep one entry with the type the user should have.");

    public static ManifestDiagnostic RenamedFromOwnName(SourcePosition at, string path, string name) =>
        Error("PM027", at, path, $"renamed_from {Quote(name)} equals the room's own name.",
            "Remove renamed_from, or set it to the name the live room has now.");

    public static ManifestDiagnostic RenamedFromOtherRoom(
        SourcePosition at, string path, string name, SourcePosition otherRoom) =>
        Error("PM028", at, path,
            $"renamed_from {Quote(name)} is the name of another room in this manifest, at {LineColumn(otherRoom)}.",
            "Rename the rooms one at a time, or pin the rooms with \"id\".");

    public static ManifestDiagnostic EmptyValue(SourcePosition at, string path, string key) =>
        Error("PM029", at, path, $"Key {Quote(key)} has an empty value.", $"Write a non-empty {key}.");

    public static ManifestDiagnostic InvisibleValue(SourcePosition at, string path, string key, string value) =>
        Error("PM029", at, path,
            $"Key {Quote(key)} has only white space and invisible characters ({IdentifierText.CodePoints(value)}).",
            $"Write a {key} with at least one visible character.");

    public static ManifestDiagnostic ControlCharacter(
        SourcePosition at, string path, string key, string value, int index) =>
        Error("PM032", at, path,
            $"Key {Quote(key)} has the value {Quote(value)}, which contains the control character "
            + $"U+{(int)value[index]:X4} at character {index + 1}.",
            "Remove the control character. In double-quoted YAML, escapes such as \\0, \\a and \\t write one.");

    public static ManifestDiagnostic UndefinedAlias(SourcePosition at, string anchor) =>
        Error("PM030", at, "", $"Alias {Quote("*" + anchor)} refers to no anchor defined before it.",
            $"Define \"&{anchor}\" on an earlier node, or write the value out.");

    public static ManifestDiagnostic PathIsDirectory(string file) =>
        Error("PM031", Start(file), "", "The file cannot be read: the path is a folder, not a file.",
            "Pass the path of the manifest file, such as workspace.yaml, not the folder that contains it.");

    public static ManifestDiagnostic FileNotReadable(string file, string reason) =>
        Error("PM031", Start(file), "", $"The file cannot be read: {reason.TrimEnd('.')}.",
            "Check the path and the file permissions.");

    /// <summary>
    /// Creates the error for a user_id of "." or "..". The API addresses a user as /users/{user_id}, and URL
    /// parsers (System.Uri among them) remove such a segment, escaped or not, so the request would reach another path.
    /// </summary>
    public static ManifestDiagnostic DotSegmentUserId(SourcePosition at, string path, string userId) =>
        Error("PM033", at, path,
            $"User id {Quote(userId)} is a dot path segment, so no API request can address the user.",
            "Choose a user_id that is not \".\" or \"..\", such as one that contains a letter or digit.");

    /// <summary>
    /// Creates the error the planner raises when a member's user is declared neither in the manifest nor in the
    /// live workspace.
    /// </summary>
    /// <param name="reference">The member whose user is missing.</param>
    /// <param name="knownUserIds">The user ids declared in the manifest or live, searched for a close spelling.</param>
    public static ManifestDiagnostic UnknownUser(ExternalUserReference reference, IEnumerable<string> knownUserIds) =>
        Error("PM040", reference.Position, reference.Path,
            $"User {Quote(reference.UserId)} is not declared under users and does not exist in the workspace.",
            DidYouMean(reference.UserId, knownUserIds) + "Declare the user under users, or correct the user_id.");

    /// <summary>
    /// Creates the warning for a member whose user is not declared under users. The user may exist live, which
    /// only the planner can check, so this is not an error.
    /// </summary>
    public static ManifestDiagnostic UndeclaredUser(ExternalUserReference reference, IEnumerable<string> declaredUserIds) =>
        Warning("PW002", reference.Position, reference.Path,
            $"Member {Quote(reference.UserId)} of room {Quote(reference.RoomName)} refers to a user that is not "
            + "declared under users, so plan and apply require that user to exist in the live workspace.",
            DidYouMean(reference.UserId, declaredUserIds)
            + "Declare the user under users, or correct the user_id if it is misspelled.");

    /// <summary>Returns "Did you mean ...? " with a trailing space, or an empty string when no candidate is close.</summary>
    private static string DidYouMean(string value, IEnumerable<string> candidates) =>
        Suggestions.Closest(value, candidates) is { } suggestion ? $"Did you mean {Quote(suggestion)}? " : "";

    /// <summary>
    /// Creates the error the planner raises when a room without a pinned id matches several live rooms that are
    /// not terminated.
    /// </summary>
    public static ManifestDiagnostic AmbiguousRoomName(ManifestRoom room, string path, IReadOnlyList<string> liveIds) =>
        Error("PM041", room.Fields.Find("name") ?? room.Position, path,
            $"Room name {Quote(room.Name)} matches {liveIds.Count} live rooms: {string.Join(", ", liveIds)}.",
            $"Pin the room with \"id: {liveIds[0]}\" (or the other id), or rename one of the live rooms.");

    public static ManifestDiagnostic NullTreatedAsAbsent(
        SourcePosition at, string path, string key, string literal, bool isList)
    {
        var valueText = literal.Length == 0 ? "an empty value" : $"null ({Quote(literal)})";
        var fix = isList
            ? "Remove the key to leave these objects unmanaged, or write [] to declare an empty list."
            : "Remove the key, or quote the value if it is meant as text.";
        return Warning("PW001", at, path,
            $"Key {Quote(key)} is set to {valueText}, so it is treated as absent and left unmanaged.", fix);
    }

    /// <summary>Quotes a value for a message, escaping control characters and cutting very long values.</summary>
    internal static string Quote(string value)
    {
        const int maxLength = 80;
        var builder = new StringBuilder("\"");
        foreach (var character in value.Length > maxLength ? value[..maxLength] : value)
        {
            builder.Append(character switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(character) => $"\\u{(int)character:x4}",
                _ => character.ToString(),
            });
        }

        builder.Append(value.Length > maxLength ? "\"..." : "\"");
        return builder.ToString();
    }

    private static string SuggestBoolean(string value, bool quoted)
    {
        var lower = value.ToLowerInvariant();
        if (lower is "true" or "false" && quoted)
        {
            return $"Remove the quotes: {lower}.";
        }

        return lower switch
        {
            "yes" or "y" or "on" or "1" => "Write true, because YAML 1.2 reads only true and false as booleans.",
            "no" or "n" or "off" or "0" => "Write false, because YAML 1.2 reads only true and false as booleans.",
            _ => "Write true or false.",
        };
    }

    // Two identifiers that differ only in their Unicode composition look the same, so the message explains why they match.
    private static string NormalizationNote(string value, string firstValue) =>
        string.Equals(value, firstValue, StringComparison.Ordinal)
            ? ""
            : $" The two are written with different code points ({IdentifierText.CodePoints(firstValue)} and "
                + $"{IdentifierText.CodePoints(value)}) but are equal after Unicode NFC normalization.";

    private static string LineColumn(SourcePosition position) =>
        string.Create(CultureInfo.InvariantCulture, $"line {position.Line}, column {position.Column}");

    private static SourcePosition Start(string file) => new(file, 1, 1);

    private static ManifestDiagnostic Error(string code, SourcePosition at, string path, string message, string fix) =>
        new(code, DiagnosticSeverity.Error, at, path, message, fix);

    private static ManifestDiagnostic Warning(
        string code, SourcePosition at, string path, string message, string fix) =>
        new(code, DiagnosticSeverity.Warning, at, path, message, fix);
}
