using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Tests.Manifest;

public sealed class ManifestCatalogueTests
{
    public static TheoryData<string> Codes => new(ManifestErrors.Catalogue.Select(entry => entry.Code));

    [Fact]
    public void Catalogue_HasUniqueCodes()
    {
        var codes = ManifestErrors.Catalogue.Select(entry => entry.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Codes))]
    public void Code_HasDocumentedSection(string code)
    {
        var docs = File.ReadAllText(RepositoryFiles.PathOf("docs/manifest.md"));
        var title = ManifestErrors.Catalogue.Single(entry => entry.Code == code).Title;

        Assert.Contains($"### {code}: {title}", docs);
        Assert.Contains($" {code}: ", docs[docs.IndexOf($"### {code}:", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void CaseCorpus_CoversEveryValidationCode()
    {
        var covered = ManifestCase.AllNames().Select(name => ManifestCase.Read(name).Code).ToHashSet();
        string[] validationCodes =
        [
            "PM010", "PM011", "PM012", "PM013", "PM014", "PM015", "PM016", "PM017", "PM018", "PM019", "PM020",
            "PM021", "PM022", "PM023", "PM024", "PM025", "PM026", "PM027", "PM028", "PM029", "PM032",
        ];

        Assert.Subset(covered, validationCodes.ToHashSet());
    }
}
