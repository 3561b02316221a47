using System.Reflection;

namespace Pagecall.Packaging.Tests.Infrastructure;

/// <summary>Folders of the repository that the tests pack, copy and build.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    /// <summary>The repository root, the folder that contains Provisioning.sln.</summary>
    public static string Root => s_root.Value;

    /// <summary>The generator project.</summary>
    public static string GeneratorProject => Path.Combine(Root, "generator", "Pagecall.OpenApi.Generator.csproj");

    /// <summary>The project of the pagecall-provision command-line tool.</summary>
    public static string CliProject =>
        Path.Combine(Root, "engine", "Pagecall.Provisioning.Cli", "Pagecall.Provisioning.Cli.csproj");

    /// <summary>The tutoring workspace manifest.</summary>
    public static string TutoringManifest => Path.Combine(Root, "samples", "tutoring", "workspace.yaml");

    /// <summary>The source folder of the tutoring sample app.</summary>
    public static string TutoringApp => Path.Combine(Root, "samples", "tutoring-app");

    /// <summary>The Pagecall v1 spec.</summary>
    public static string PagecallSpec => Path.Combine(Root, "specs", "pagecall.v1.yaml");

    /// <summary>Reads the root that the project file stores in the assembly metadata at build time.</summary>
    private static string FindRoot()
    {
        var root = typeof(RepositoryPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .SingleOrDefault(attribute => attribute.Key == "RepositoryRoot")?.Value;
        if (root is null || !File.Exists(Path.Combine(root, "Provisioning.sln")))
        {
            throw new InvalidOperationException(
                $"The repository root '{root}' recorded at build time has no Provisioning.sln. Rebuild the tests "
                + "in the repository.");
        }

        return Path.GetFullPath(root);
    }
}
