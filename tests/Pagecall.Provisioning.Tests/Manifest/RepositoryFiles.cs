namespace Pagecall.Provisioning.Tests.Manifest;

/// <summary>Locates files of the repository from the test output folder, so tests read the checked-in copies.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath);

    public static string CasesFolder => PathOf("tests/Pagecall.Provisioning.Tests/Manifest/Cases");

    public static string SchemaPath => PathOf("specs/manifest.schema.json");

    public static IEnumerable<string> SampleManifests() =>
        Directory.EnumerateFiles(PathOf("samples"), "*.yaml", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Provisioning.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No Provisioning.sln above {AppContext.BaseDirectory}.");
    }
}
