namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Folders the tests read from: the repository root (the folder holding Provisioning.sln, found by walking up from
/// the test binaries) and the shared corpus beside it, which tests read in place and never copy.
/// </summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root.</summary>
    public static string Root => s_root.Value;

    /// <summary>The Pagecall v1 spec.</summary>
    public static string PagecallSpec => Path.Combine(Root, "specs", "pagecall.v1.yaml");

    /// <summary>The source folder of this test project.</summary>
    public static string TestProject => Path.Combine(Root, "tests", "Pagecall.OpenApi.Generator.Tests");

    /// <summary>The folder holding checked-in snapshot files.</summary>
    public static string Snapshots => Path.Combine(TestProject, "Snapshots");

    /// <summary>Fixtures shared by the tests: specs and the consumer project.</summary>
    public static string Fixtures => Path.Combine(Root, "tests", "fixtures");

    /// <summary>The third-party specs of ordinary size.</summary>
    public static string Corpus => Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "openapi"));

    /// <summary>The third-party specs of more than a megabyte.</summary>
    public static string LargeCorpus =>
        Path.GetFullPath(Path.Combine(Root, "..", "shared", "corpus", "openapi-large"));

    /// <summary>
    /// Returns the path of a corpus spec, or skips the running test when the shared corpus is not beside the
    /// repository.
    /// </summary>
    public static string RequireCorpusFile(string folder, string fileName)
    {
        var path = Path.Combine(folder, fileName);
        if (!File.Exists(path))
        {
            Assert.Skip($"The corpus spec {path} is absent: the shared corpus is not beside the repository.");
        }

        return path;
    }

    /// <summary>
    /// Lists the YAML spec names in a corpus folder. When the folder is absent the list holds one name of a file
    /// that does not exist, so a theory over it reports a skip through <see cref="RequireCorpusFile"/> instead of
    /// failing for want of data.
    /// </summary>
    public static TheoryData<string> ListSpecs(string folder)
    {
        var names = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*.yaml").Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList()
            : [];
        return names.Count > 0 ? new TheoryData<string>(names) : new TheoryData<string>("corpus-absent.yaml");
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null;
             directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Provisioning.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException(
            $"No folder above {AppContext.BaseDirectory} holds Provisioning.sln; run the tests from the repository.");
    }
}
