using System.IO.Compression;
using System.Xml.Linq;
using Pagecall.Packaging.Tests.Infrastructure;

namespace Pagecall.Packaging.Tests;

/// <summary>Checks the contents and the manifest of the packed generator.</summary>
public sealed class GeneratorPackageTests(PackagingFixture fixture)
{
    private const string PackageId = "Pagecall.OpenApi.Generator";

    [Fact]
    public async Task PackageContainsOnlyAnalyzerFiles()
    {
        var packed = await fixture.PackGeneratorAsync();

        using var archive = ZipFile.OpenRead(packed.PackagePath);
        var entries = archive.Entries.Select(entry => entry.FullName)
            // NuGet names the core properties part after a fresh GUID on every pack.
            .Select(name => name.StartsWith("package/services/metadata/core-properties/", StringComparison.Ordinal)
                && name.EndsWith(".psmdcp", StringComparison.Ordinal)
                    ? "package/services/metadata/core-properties/{guid}.psmdcp"
                    : name)
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.Equal(
            [
                $"{PackageId}.nuspec",
                "README.md",
                "[Content_Types].xml",
                "_rels/.rels",
                $"analyzers/dotnet/cs/{PackageId}.dll",
                "analyzers/dotnet/cs/YamlDotNet.dll",
                $"build/{PackageId}.props",
                "package/services/metadata/core-properties/{guid}.psmdcp",
            ],
            entries);
    }

    [Fact]
    public async Task NuspecHasNoDependencies()
    {
        var metadata = await ReadNuspecMetadataAsync();

        Assert.Null(metadata.Element(metadata.Name.Namespace + "dependencies"));
        Assert.Null(metadata.Element(metadata.Name.Namespace + "frameworkReferences"));
        Assert.Equal("true", Text(metadata, "developmentDependency"));
    }

    [Fact]
    public async Task NuspecHasPackageMetadata()
    {
        var metadata = await ReadNuspecMetadataAsync();
        var ns = metadata.Name.Namespace;

        Assert.Equal(PackageId, Text(metadata, "id"));
        Assert.Matches(@"^\d+\.\d+\.\d+$", Text(metadata, "version"));
        Assert.Equal("MIT", Text(metadata, "license"));
        Assert.Equal("expression", metadata.Element(ns + "license")?.Attribute("type")?.Value);
        Assert.Equal("README.md", Text(metadata, "readme"));
        Assert.Contains("OpenAPI", Text(metadata, "description"), StringComparison.Ordinal);
        Assert.Contains("source-generator", Text(metadata, "tags").Split(' '));

        // The repository has no public address yet, so the package names none rather than a placeholder.
        Assert.Null(metadata.Element(ns + "repository")?.Attribute("url"));
        Assert.Null(metadata.Element(ns + "projectUrl"));
        Assert.DoesNotContain(".invalid", metadata.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PropsExposeClientNameMetadata()
    {
        var props = await ReadPackageXmlAsync($"build/{PackageId}.props");

        var visible = props.Descendants("CompilerVisibleItemMetadata").ToList();
        var item = Assert.Single(visible);
        Assert.Equal("AdditionalFiles", item.Attribute("Include")?.Value);
        Assert.Equal("ClientName", item.Attribute("MetadataName")?.Value);
    }

    [Fact]
    public async Task SampleReferencesPackedVersion()
    {
        var metadata = await ReadNuspecMetadataAsync();
        var sampleProject = XDocument.Load(Path.Combine(RepositoryPaths.TutoringApp, "TutoringApp.csproj"));

        var reference = Assert.Single(
            sampleProject.Descendants("PackageReference"), element => element.Attribute("Include")?.Value == PackageId);
        Assert.Equal(Text(metadata, "version"), reference.Attribute("Version")?.Value);
    }

    private async Task<XDocument> ReadPackageXmlAsync(string entryName)
    {
        var packed = await fixture.PackGeneratorAsync();

        using var archive = ZipFile.OpenRead(packed.PackagePath);
        var entry = archive.GetEntry(entryName);
        Assert.True(entry is not null, $"The package has no {entryName}.");
        using var stream = entry.Open();
        return XDocument.Load(stream);
    }

    private async Task<XElement> ReadNuspecMetadataAsync()
    {
        var nuspec = await ReadPackageXmlAsync($"{PackageId}.nuspec");
        var root = nuspec.Root ?? throw new InvalidDataException("The nuspec has no root element.");
        return root.Element(root.Name.Namespace + "metadata")
            ?? throw new InvalidDataException("The nuspec has no metadata element.");
    }

    private static string Text(XElement metadata, string name) =>
        metadata.Element(metadata.Name.Namespace + name)?.Value
            ?? throw new InvalidDataException($"The nuspec has no {name} element.");
}
