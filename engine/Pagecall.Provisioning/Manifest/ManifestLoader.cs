using System.Buffers;
using System.Text;
using Pagecall.Provisioning.Manifest.Yaml;

namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Reads a workspace manifest from YAML, checks it completely, and returns either the model or every problem
/// found. No method here makes network calls or throws for bad input: problems come back as diagnostics.
/// </summary>
public static class ManifestLoader
{
    /// <summary>
    /// Loads the manifest file at <paramref name="path"/>. Diagnostics name the file as <paramref name="path"/>
    /// is written.
    /// </summary>
    /// <remarks>
    /// A file larger than <see cref="ManifestLoadOptions.MaxFileBytes"/> is rejected before it is read. A missing
    /// or unreadable file is reported as PM031.
    /// </remarks>
    public static ManifestLoadResult Load(string path, ManifestLoadOptions? options = null)
    {
        options ??= ManifestLoadOptions.Default;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return ManifestLoadResult.Failed(ManifestErrors.PathIsDirectory(path));
            }

            if (!info.Exists)
            {
                return ManifestLoadResult.Failed(ManifestErrors.FileNotReadable(path, "the file does not exist"));
            }

            if (info.Length > options.MaxFileBytes)
            {
                return ManifestLoadResult.Failed(ManifestErrors.FileTooLarge(path, info.Length, options.MaxFileBytes));
            }

            return Parse(File.ReadAllBytes(path), path, options);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException
                                              or ArgumentException or NotSupportedException)
        {
            return ManifestLoadResult.Failed(ManifestErrors.FileNotReadable(path, exception.Message));
        }
    }

    /// <summary>
    /// Parses manifest bytes, which must be UTF-8, with or without a byte order mark. Invalid UTF-8 is reported
    /// with the offset, line and column of the first invalid byte.
    /// </summary>
    public static ManifestLoadResult Parse(
        ReadOnlySpan<byte> content, string fileName, ManifestLoadOptions? options = null)
    {
        options ??= ManifestLoadOptions.Default;
        if (content.Length > options.MaxFileBytes)
        {
            var tooLarge = ManifestErrors.FileTooLarge(fileName, content.Length, options.MaxFileBytes);
            return ManifestLoadResult.Failed(tooLarge);
        }

        var body = content.StartsWith(Encoding.UTF8.Preamble) ? content[Encoding.UTF8.Preamble.Length..] : content;
        var invalidOffset = FindInvalidUtf8(body);
        if (invalidOffset >= 0)
        {
            var offset = invalidOffset + (content.Length - body.Length);
            var at = LocateByte(body, invalidOffset, fileName);
            return ManifestLoadResult.Failed(ManifestErrors.InvalidUtf8(at, offset, body[invalidOffset]));
        }

        return ParseChecked(Encoding.UTF8.GetString(body), fileName, options);
    }

    /// <summary>
    /// Parses manifest text. <paramref name="fileName"/> is only used to locate diagnostics. A leading byte order
    /// mark is ignored, and CRLF line endings count as one line break. An unpaired surrogate is reported as PM004.
    /// </summary>
    public static ManifestLoadResult Parse(string text, string fileName, ManifestLoadOptions? options = null)
    {
        options ??= ManifestLoadOptions.Default;
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > options.MaxFileBytes)
        {
            return ManifestLoadResult.Failed(ManifestErrors.FileTooLarge(fileName, size, options.MaxFileBytes));
        }

        // Text from memory may hold a lone UTF-16 surrogate, which no file can contain and which JSON writers
        // reject later, when the engine sends the value to Pagecall.
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        var surrogate = FindUnpairedSurrogate(body);
        if (surrogate >= 0)
        {
            var at = LocateChar(body, surrogate, fileName);
            return ManifestLoadResult.Failed(ManifestErrors.UnpairedSurrogate(at, surrogate, body[surrogate]));
        }

        return ParseChecked(body, fileName, options);
    }

    private static ManifestLoadResult ParseChecked(string text, string fileName, ManifestLoadOptions options)
    {
        var limits = new YamlLimits(options.MaxDepth, options.MaxAliasExpansion);
        var tree = YamlTreeReader.Read(text, fileName, limits);
        if (tree.Root is null)
        {
            return ManifestLoadResult.Failed([.. tree.Errors]);
        }

        var diagnostics = new DiagnosticBag();
        var manifest = new ManifestReader(diagnostics).Read(tree.Root);
        var externalUsers = manifest is null ? [] : ManifestValidator.Validate(manifest, diagnostics);
        var succeeded = manifest is not null && diagnostics.Errors.Count == 0;
        return new ManifestLoadResult(
            succeeded ? manifest : null,
            new(diagnostics.Errors),
            new(diagnostics.Warnings),
            new(externalUsers));
    }

    /// <summary>Returns the offset of the first byte that is not part of a valid UTF-8 sequence, or -1.</summary>
    private static int FindInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }

    private static int FindUnpairedSurrogate(string text)
    {
        for (var index = 0; index < text.Length; index++)
        {
            if (char.IsHighSurrogate(text[index]) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                index++;
            }
            else if (char.IsSurrogate(text[index]))
            {
                return index;
            }
        }

        return -1;
    }

    private static SourcePosition LocateChar(string text, int offset, string fileName)
    {
        var before = text.AsSpan(0, offset);
        var lineStart = before.LastIndexOf('\n') + 1;
        var line = before.Count('\n') + 1;
        return new SourcePosition(fileName, line, offset - lineStart + 1);
    }

    /// <summary>Returns the line and column (counted in characters) of a byte offset in valid UTF-8 text.</summary>
    private static SourcePosition LocateByte(ReadOnlySpan<byte> bytes, int offset, string fileName)
    {
        var before = bytes[..offset];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        var line = before.Count((byte)'\n') + 1;
        var column = Encoding.UTF8.GetCharCount(before[lineStart..]) + 1;
        return new SourcePosition(fileName, line, column);
    }
}
