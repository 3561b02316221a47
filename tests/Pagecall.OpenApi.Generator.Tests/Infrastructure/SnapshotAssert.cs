using System.Text;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>A file a snapshot compares: its name in the snapshot folder and its full text.</summary>
internal sealed record SnapshotFile(string Name, string Text);

/// <summary>
/// Compares generated files byte for byte with checked-in files under
/// <c>Snapshots/&lt;TestClass&gt;/&lt;TestName&gt;/</c> in the test project's source folder. On a mismatch it writes
/// <c>*.received.*</c> files beside the expected ones and fails with a short diff. It rewrites the snapshots only
/// when <c>UPDATE_SNAPSHOTS=1</c> is set and <c>CI</c> is not, so a CI run can never approve its own output.
/// </summary>
internal static class SnapshotAssert
{
    /// <summary>The command that regenerates snapshots after an intended change.</summary>
    public const string UpdateCommand =
        "UPDATE_SNAPSHOTS=1 dotnet test tests/Pagecall.OpenApi.Generator.Tests";

    private const string ReceivedMarker = ".received";
    private const int DiffContextLines = 6;

    /// <summary>Whether this run may rewrite snapshots.</summary>
    public static bool UpdateRequested =>
        Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1"
        && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    /// <summary>Asserts that the folder of this test holds exactly these files with exactly this text.</summary>
    public static void Matches(string testClass, string testName, IReadOnlyCollection<SnapshotFile> files)
    {
        var folder = Path.Combine(RepositoryPaths.Snapshots, testClass, testName);
        var expectedNames = Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>()
                .Where(name => !IsReceived(name)).ToHashSet(StringComparer.Ordinal)
            : [];

        var failures = new StringBuilder();
        foreach (var file in files.OrderBy(file => file.Name, StringComparer.Ordinal))
        {
            var expectedPath = Path.Combine(folder, file.Name);
            var expected = expectedNames.Remove(file.Name) ? File.ReadAllText(expectedPath) : null;
            var receivedPath = Path.Combine(folder, ReceivedName(file.Name));
            if (expected == file.Text)
            {
                File.Delete(receivedPath);
                continue;
            }

            if (UpdateRequested)
            {
                Directory.CreateDirectory(folder);
                File.WriteAllText(expectedPath, file.Text);
                File.Delete(receivedPath);
                continue;
            }

            Directory.CreateDirectory(folder);
            File.WriteAllText(receivedPath, file.Text);
            failures.Append(expected is null
                ? $"New file {file.Name} has no snapshot; written to {receivedPath}.\n"
                : $"{file.Name} differs from its snapshot; written to {receivedPath}.\n{Diff(expected, file.Text)}");
        }

        foreach (var staleName in expectedNames.Order(StringComparer.Ordinal))
        {
            if (UpdateRequested)
            {
                File.Delete(Path.Combine(folder, staleName));
            }
            else
            {
                failures.Append($"{staleName} has a snapshot but was not generated.\n");
            }
        }

        Assert.True(failures.Length == 0,
            $"Snapshot mismatch in {folder}:\n{failures}If the change is intended, run: {UpdateCommand}");
    }

    private static bool IsReceived(string name) => name.Contains(ReceivedMarker + ".", StringComparison.Ordinal);

    private static string ReceivedName(string name)
    {
        var extension = Path.GetExtension(name);
        return Path.GetFileNameWithoutExtension(name) + ReceivedMarker + extension;
    }

    /// <summary>Shows the lines around the first difference, expected with '-' and received with '+'.</summary>
    private static string Diff(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        var first = 0;
        while (first < expectedLines.Length && first < actualLines.Length
               && expectedLines[first] == actualLines[first])
        {
            first++;
        }

        var builder = new StringBuilder();
        builder.Append($"  first difference at line {first + 1} ")
            .Append($"(expected {expectedLines.Length} lines, received {actualLines.Length}):\n");
        foreach (var line in expectedLines.Skip(first).Take(DiffContextLines))
        {
            builder.Append("  - ").Append(line).Append('\n');
        }

        foreach (var line in actualLines.Skip(first).Take(DiffContextLines))
        {
            builder.Append("  + ").Append(line).Append('\n');
        }

        return builder.ToString();
    }
}
