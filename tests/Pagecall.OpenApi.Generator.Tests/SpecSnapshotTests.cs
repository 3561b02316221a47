using Pagecall.OpenApi.Generator.Tests.Infrastructure;

namespace Pagecall.OpenApi.Generator.Tests;

/// <summary>
/// Pins the generated code of the Pagecall spec and of each ordinary-size corpus spec. Regenerate the snapshots after
/// an intended change with <c>UPDATE_SNAPSHOTS=1 dotnet test tests/Pagecall.OpenApi.Generator.Tests</c>.
/// </summary>
public sealed class SpecSnapshotTests
{
    /// <summary>The file names in the ordinary-size corpus.</summary>
    public static TheoryData<string> CorpusSpecs => RepositoryPaths.ListSpecs(RepositoryPaths.Corpus);

    [Fact]
    public void PagecallSpecMatchesSnapshot()
    {
        var result = SpecRuns.Pagecall();

        result.AssertGeneratorDidNotThrow();
        SnapshotAssert.Matches(nameof(SpecSnapshotTests), nameof(PagecallSpecMatchesSnapshot),
            SpecRuns.ToSnapshotFiles(result));
    }

    [Theory]
    [MemberData(nameof(CorpusSpecs))]
    public void CorpusSpecMatchesSnapshot(string fileName)
    {
        var path = RepositoryPaths.RequireCorpusFile(RepositoryPaths.Corpus, fileName);

        var result = SpecRuns.Get(path, SpecRuns.CorpusClientName(fileName));

        result.AssertGeneratorDidNotThrow();
        SnapshotAssert.Matches(nameof(SpecSnapshotTests),
            Path.Combine(nameof(CorpusSpecMatchesSnapshot), Path.GetFileNameWithoutExtension(fileName)),
            SpecRuns.ToSnapshotFiles(result));
    }
}
