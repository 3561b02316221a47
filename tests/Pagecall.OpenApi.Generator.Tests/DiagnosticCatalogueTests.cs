using System.Reflection;
using Microsoft.CodeAnalysis;
using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Checks the generator's diagnostic catalogue as a whole: the IDs the contract names exist with their severities,
/// each has a help link into docs/generator.md, and each is listed in the analyzer release files.
/// </summary>
public sealed class DiagnosticCatalogueTests
{
    /// <summary>The IDs and default severities other projects rely on.</summary>
    public static TheoryData<string, DiagnosticSeverity> ContractIds => new()
    {
        { "PCG001", DiagnosticSeverity.Error },
        { "PCG002", DiagnosticSeverity.Error },
        { "PCG003", DiagnosticSeverity.Error },
        { "PCG004", DiagnosticSeverity.Warning },
        { "PCG005", DiagnosticSeverity.Error },
        { "PCG006", DiagnosticSeverity.Warning },
        { "PCG007", DiagnosticSeverity.Error },
    };

    [Theory]
    [MemberData(nameof(ContractIds))]
    public void ContractIdHasItsSeverity(string id, DiagnosticSeverity severity)
    {
        var descriptor = Assert.Single(Descriptors(), descriptor => descriptor.Id == id);

        Assert.Equal(severity, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
    }

    [Fact]
    public void EveryDescriptorLinksToDocs()
    {
        Assert.All(Descriptors(), descriptor => Assert.EndsWith(
            "generator.md#" + descriptor.Id.ToLowerInvariant(), descriptor.HelpLinkUri, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDescriptorIsInReleaseNotes()
    {
        var releases = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generator", "AnalyzerReleases.Shipped.md"))
            + File.ReadAllText(Path.Combine(RepositoryPaths.Root, "generator", "AnalyzerReleases.Unshipped.md"));

        Assert.All(Descriptors(), descriptor => Assert.Contains(descriptor.Id + " ", releases, StringComparison.Ordinal));
    }

    [Fact]
    public void EveryDescriptorIdIsUnique()
    {
        var ids = Descriptors().Select(descriptor => descriptor.Id).ToList();

        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    /// <summary>
    /// Reads the descriptors from the generator's catalogue class. It is internal, so reflection stands in for an
    /// InternalsVisibleTo the generator does not grant.
    /// </summary>
    private static List<DiagnosticDescriptor> Descriptors()
    {
        var catalogue = typeof(OpenApiClientGenerator).Assembly
            .GetType("Pagecall.OpenApi.Generator.DiagnosticDescriptors", throwOnError: true)!;
        var descriptors = catalogue.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(field => field.FieldType == typeof(DiagnosticDescriptor))
            .Select(field => (DiagnosticDescriptor)field.GetValue(null)!)
            .ToList();
        Assert.NotEmpty(descriptors);
        return descriptors;
    }
}
