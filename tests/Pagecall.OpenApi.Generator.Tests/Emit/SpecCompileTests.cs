using Microsoft.CodeAnalysis;

namespace Pagecall.OpenApi.Generator.Tests.Emit;

/// <summary>
/// Generates clients from whole specs and requires the output to compile without a single warning. Besides
/// the Pagecall spec, every .yaml/.yml/.json file in the folder named by PAGECALL_GENERATOR_CORPUS is checked.
/// </summary>
public sealed class SpecCompileTests
{
    public static TheoryData<string> Specs()
    {
        var data = new TheoryData<string> { Path.Combine(RepositoryRoot(), "specs", "pagecall.v1.yaml") };
        if (Environment.GetEnvironmentVariable("PAGECALL_GENERATOR_CORPUS") is { Length: > 0 } corpus)
        {
            foreach (var file in Directory.EnumerateFiles(corpus).Order(StringComparer.Ordinal))
            {
                if (file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".yml", StringComparison.Ordinal)
                    || file.EndsWith(".json", StringComparison.Ordinal))
                {
                    data.Add(file);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Specs))]
    public void SpecCompilesWithoutWarnings(string path)
    {
        var result = EmitHarness.Run(path, File.ReadAllText(path), "Consumer.Generated.SpecClient");

        Assert.Null(result.GeneratorException);
        Assert.DoesNotContain(result.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.NotEmpty(result.Sources);
        if (!result.CompileDiagnostics.IsEmpty)
        {
            Assert.Fail(string.Join(Environment.NewLine, result.CompileDiagnostics.Take(20)));
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Provisioning.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Provisioning.sln was not found above the test folder.");
    }
}
