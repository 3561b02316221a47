using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>
/// Serves <c>build_metadata.AdditionalFiles.ClientName</c> per additional file, keyed by path, the way MSBuild
/// passes item metadata that <c>CompilerVisibleItemMetadata</c> exposes. Like MSBuild, which writes the key for
/// every additional file once the metadata is compiler-visible, a file without an entry gets an empty value.
/// </summary>
internal sealed class FakeAnalyzerConfigOptionsProvider(IReadOnlyDictionary<string, string> clientNamesByPath)
    : AnalyzerConfigOptionsProvider
{
    /// <summary>The metadata key through which the generator reads the client name.</summary>
    public const string ClientNameKey = "build_metadata.AdditionalFiles.ClientName";

    /// <inheritdoc />
    public override AnalyzerConfigOptions GlobalOptions => DictionaryOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => DictionaryOptions.Empty;

    /// <inheritdoc />
    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var clientName = clientNamesByPath.GetValueOrDefault(textFile.Path, "");
        return new DictionaryOptions(ImmutableDictionary<string, string>.Empty.Add(ClientNameKey, clientName));
    }

    private sealed class DictionaryOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public static readonly DictionaryOptions Empty = new(ImmutableDictionary<string, string>.Empty);

        public override IEnumerable<string> Keys => values.Keys;

        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) =>
            values.TryGetValue(key, out value);
    }
}
