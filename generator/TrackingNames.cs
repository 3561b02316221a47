namespace Pagecall.OpenApi.Generator;

/// <summary>
/// Names of the incremental pipeline steps, for tests that inspect step tracking.
/// </summary>
public static class TrackingNames
{
    /// <summary>The opted-in spec texts with their settings.</summary>
    public const string SpecFiles = nameof(SpecFiles);

    /// <summary>The parsed, value-equatable document models with their diagnostics.</summary>
    public const string ParsedDocuments = nameof(ParsedDocuments);

    /// <summary>One model per generated source file.</summary>
    public const string SourceFiles = nameof(SourceFiles);
}
