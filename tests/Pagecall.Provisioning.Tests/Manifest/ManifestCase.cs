using System.Text.RegularExpressions;

namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>
/// One invalid manifest from the Cases folder. Its first line names the one expected error, such as
/// <c># expect: PM017 at 8:41</c>.
/// </summary>
internal sealed partial record ManifestCase(string Name, string Text, string Code, int Line, int Column)
{
    public static ManifestCase Read(string name)
    {
        var text = File.ReadAllText(Path.Combine(RepositoryFiles.CasesFolder, name + ".yaml"));
        var header = HeaderPattern().Match(text);
        if (!header.Success)
        {
            throw new InvalidDataException($"Case {name} does not start with \"# expect: PMnnn at line:column\".");
        }

        return new ManifestCase(
            name, text, header.Groups["code"].Value, int.Parse(header.Groups["line"].Value),
            int.Parse(header.Groups["column"].Value));
    }

    public static IEnumerable<string> AllNames() =>
        Directory.EnumerateFiles(RepositoryFiles.CasesFolder, "*.yaml")
            .Select(path => Path.GetFileNameWithoutExtension(path))
            .Order(StringComparer.Ordinal);

    [GeneratedRegex(@"\A# expect: (?<code>P[MW]\d{3}) at (?<line>\d+):(?<column>\d+)")]
    private static partial Regex HeaderPattern();
}
