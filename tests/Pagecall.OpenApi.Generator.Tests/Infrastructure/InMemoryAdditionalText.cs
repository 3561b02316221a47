using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Pagecall.OpenApi.Generator.Tests.Infrastructure;

/// <summary>An additional file whose text lives in memory, as the compiler hands it to a generator.</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text, System.Text.Encoding.UTF8);

    /// <inheritdoc />
    public override string Path { get; } = path;

    /// <inheritdoc />
    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
