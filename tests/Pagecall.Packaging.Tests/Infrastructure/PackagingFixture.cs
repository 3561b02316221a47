using Pagecall.Packaging.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(PackagingFixture))]

namespace Pagecall.Packaging.Tests.Infrastructure;

/// <summary>The generator package in a folder feed, and the path of its .nupkg file.</summary>
/// <param name="FeedFolder">The folder feed.</param>
/// <param name="PackagePath">The generator's .nupkg file in the feed.</param>
internal sealed record PackedGenerator(string FeedFolder, string PackagePath);

/// <summary>A copy of the tutoring sample, built against the packed generator.</summary>
/// <param name="Build">The output of <c>dotnet build</c>.</param>
/// <param name="AssemblyPath">The built TutoringApp.dll.</param>
internal sealed record BuiltSample(ProcessResult Build, string AssemblyPath);

/// <summary>The pagecall-provision tool, packed into a folder feed and installed into a tool folder.</summary>
/// <param name="PackagePath">The tool's .nupkg file.</param>
/// <param name="CommandPath">The installed <c>pagecall-provision</c> command.</param>
internal sealed record InstalledTool(string PackagePath, string CommandPath);

/// <summary>
/// Runs the slow steps once for all tests of the assembly: packing the generator into a temporary folder feed,
/// building a copy of samples/tutoring-app against that feed with an empty NuGet cache, and packing and
/// installing the CLI tool. A step that fails
/// throws its output from every test that needs it.
/// </summary>
public sealed class PackagingFixture : IDisposable
{
    /// <summary>The time one pack or build may take, restore with an empty cache included.</summary>
    private static readonly TimeSpan s_stepTimeout = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo _scratch = Directory.CreateTempSubdirectory("pagecall-packaging-");
    private readonly Lazy<Task<PackedGenerator>> _generator;
    private readonly Lazy<Task<BuiltSample>> _sample;
    private readonly Lazy<Task<InstalledTool>> _tool;

    /// <summary>Creates the scratch folder. The steps run when a test first needs them.</summary>
    public PackagingFixture()
    {
        _generator = new Lazy<Task<PackedGenerator>>(PackGeneratorCoreAsync);
        _sample = new Lazy<Task<BuiltSample>>(BuildSampleCoreAsync);
        _tool = new Lazy<Task<InstalledTool>>(InstallToolCoreAsync);
    }

    /// <summary>
    /// The scratch root. It mirrors the repository layout that the sample's nuget.config and AdditionalFiles
    /// path expect: artifacts/packages, samples/tutoring-app and specs.
    /// </summary>
    public string ScratchRoot => _scratch.FullName;

    /// <summary>The folder feed that the generator is packed into.</summary>
    public string FeedFolder => Path.Combine(ScratchRoot, "artifacts", "packages");

    /// <summary>The environment of every child process: no inherited ASP.NET Core or NuGet cache settings.</summary>
    internal static IReadOnlyDictionary<string, string?> BaseEnvironment { get; } = new Dictionary<string, string?>
    {
        ["ASPNETCORE_URLS"] = null,
        ["ASPNETCORE_ENVIRONMENT"] = null,
        ["DOTNET_ENVIRONMENT"] = null,
    };

    /// <summary>Packs the generator into <see cref="FeedFolder"/>, once.</summary>
    internal Task<PackedGenerator> PackGeneratorAsync() => _generator.Value;

    /// <summary>Builds the copy of the tutoring sample against the packed generator, once.</summary>
    internal Task<BuiltSample> BuildSampleAsync() => _sample.Value;

    /// <summary>Packs the CLI as a .NET tool and installs it from its feed into a tool folder, once.</summary>
    internal Task<InstalledTool> InstallToolAsync() => _tool.Value;

    /// <summary>Runs a <c>dotnet</c> pack or build step in the scratch folder and fails with its output.</summary>
    internal static async Task<ProcessResult> RunStepAsync(
        string workingDirectory, IReadOnlyDictionary<string, string?> environment, params string[] arguments)
    {
        var result = await DotnetProcess.RunAsync(workingDirectory, environment, s_stepTimeout, arguments);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"dotnet {string.Join(' ', arguments)} failed with exit code {result.ExitCode}:\n{result.Output}");
        }

        return result;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        try
        {
            _scratch.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A child process that still has a file open leaves the folder behind in the temporary folder.
        }
    }

    private async Task<PackedGenerator> PackGeneratorCoreAsync()
    {
        var package = await PackAsync(
            RepositoryPaths.GeneratorProject, FeedFolder, "generator-build", "Pagecall.OpenApi.Generator.*.nupkg");
        return new PackedGenerator(FeedFolder, package);
    }

    /// <summary>Packs a repository project into a feed folder and returns the path of the one package made.</summary>
    private async Task<string> PackAsync(string project, string feed, string buildFolderName, string packagePattern)
    {
        // The artifacts path keeps this build out of the bin and obj folders that other builds use.
        await RunStepAsync(
            RepositoryPaths.Root,
            BaseEnvironment,
            "pack", project,
            "--output", feed,
            "--artifacts-path", Path.Combine(ScratchRoot, buildFolderName),
            "--disable-build-servers", "-nodeReuse:false", "-clp:NoSummary");

        var packages = Directory.GetFiles(feed, packagePattern);
        return packages.Length == 1
            ? packages[0]
            : throw new InvalidOperationException(
                $"Expected one package matching {packagePattern} in {feed}, found {packages.Length}.");
    }

    private async Task<BuiltSample> BuildSampleCoreAsync()
    {
        await PackGeneratorAsync();

        var sampleCopy = Path.Combine(ScratchRoot, "samples", "tutoring-app");
        CopySources(RepositoryPaths.TutoringApp, sampleCopy);
        Directory.CreateDirectory(Path.Combine(ScratchRoot, "specs"));
        File.Copy(RepositoryPaths.PagecallSpec, Path.Combine(ScratchRoot, "specs", "pagecall.v1.yaml"));

        // An empty global packages folder proves that the generator comes from the feed and nothing else:
        // no package from an earlier run, and no project of this repository, can reach the build.
        var environment = new Dictionary<string, string?>(BaseEnvironment)
        {
            ["NUGET_PACKAGES"] = Path.Combine(ScratchRoot, "nuget-packages"),
        };
        var project = Path.Combine(sampleCopy, "TutoringApp.csproj");
        var build = await RunStepAsync(
            sampleCopy, environment, "build", project, "--disable-build-servers", "-nodeReuse:false", "-clp:NoSummary");

        var assembly = Path.Combine(sampleCopy, "bin", "Debug", "net10.0", "TutoringApp.dll");
        return File.Exists(assembly)
            ? new BuiltSample(build, assembly)
            : throw new InvalidOperationException($"The build succeeded but {assembly} is missing:\n{build.Output}");
    }

    private async Task<InstalledTool> InstallToolCoreAsync()
    {
        // The tool gets a feed of its own, so the sample's restore never reads a package that is being written.
        var toolFeed = Path.Combine(ScratchRoot, "artifacts", "tools");
        var package = await PackAsync(RepositoryPaths.CliProject, toolFeed, "cli-build", "pagecall-provision.*.nupkg");

        // A configuration without sources keeps the install on the local feed, so no registry receives a request
        // for the tool's name.
        var configFile = Path.Combine(ScratchRoot, "tool-nuget.config");
        await File.WriteAllTextAsync(
            configFile,
            "<configuration>\n  <packageSources>\n    <clear />\n  </packageSources>\n</configuration>\n");
        var toolFolder = Path.Combine(ScratchRoot, "tools");
        var environment = new Dictionary<string, string?>(BaseEnvironment)
        {
            ["NUGET_PACKAGES"] = Path.Combine(ScratchRoot, "nuget-packages"),
        };
        await RunStepAsync(
            ScratchRoot,
            environment,
            "tool", "install", "pagecall-provision",
            "--tool-path", toolFolder,
            "--add-source", toolFeed,
            "--configfile", configFile);

        var command = Path.Combine(toolFolder, OperatingSystem.IsWindows() ? "pagecall-provision.exe" : "pagecall-provision");
        return File.Exists(command)
            ? new InstalledTool(package, command)
            : throw new InvalidOperationException($"dotnet tool install succeeded but {command} is missing.");
    }

    /// <summary>Copies a project folder without its bin and obj folders.</summary>
    private static void CopySources(string source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.EnumerateDirectories(source))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj"))
            {
                CopySources(folder, Path.Combine(target, name));
            }
        }
    }
}
