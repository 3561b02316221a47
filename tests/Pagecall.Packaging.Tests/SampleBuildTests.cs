using Pagecall.Packaging.Tests.Infrastructure;

namespace Pagecall.Packaging.Tests;

/// <summary>
/// Builds a copy of samples/tutoring-app against the packed generator, with an empty NuGet cache, the trim and
/// AOT analyzers on and warnings as errors.
/// </summary>
public sealed class SampleBuildTests(PackagingFixture fixture)
{
    [Fact]
    public async Task SampleBuildsWithoutWarnings()
    {
        var sample = await fixture.BuildSampleAsync();

        Assert.True(sample.Build.Warnings.Count == 0, "dotnet build reported warnings:\n" + string.Join('\n', sample.Build.Warnings));
        Assert.DoesNotContain(": error ", sample.Build.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SampleRestoresGeneratorFromFeed()
    {
        var sample = await fixture.BuildSampleAsync();

        // The cache started empty and now contains the generator, which only the feed can have provided.
        var cached = Path.Combine(fixture.ScratchRoot, "nuget-packages", "pagecall.openapi.generator");
        Assert.True(Directory.Exists(cached), $"The generator was not restored into {cached}.");
        Assert.True(File.Exists(sample.AssemblyPath));

        // A development dependency adds nothing to the output folder: no generator and no YamlDotNet.
        var outputFolder = Path.GetDirectoryName(sample.AssemblyPath)!;
        Assert.False(File.Exists(Path.Combine(outputFolder, "Pagecall.OpenApi.Generator.dll")));
        Assert.False(File.Exists(Path.Combine(outputFolder, "YamlDotNet.dll")));
    }
}
