using System.Buffers.Text;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Pagecall.Emulator.State;

/// <summary>Creates ids, access tokens and timestamps in the formats Pagecall's examples show.</summary>
internal static class Identifiers
{
    private static readonly byte[] s_processBytes = RandomNumberGenerator.GetBytes(5);
    private static int s_counter = RandomNumberGenerator.GetInt32(0, 0x100000);

    /// <summary>
    /// Creates a 24-character lowercase hex id laid out like a MongoDB ObjectId: seconds since the Unix epoch,
    /// five random bytes fixed per process and a counter. Ids made by one process in the same second sort in
    /// creation order.
    /// </summary>
    public static string NewObjectId(DateTime now)
    {
        Span<byte> bytes = stackalloc byte[12];
        var seconds = (uint)new DateTimeOffset(now).ToUnixTimeSeconds();
        BinaryPrimitives.WriteUInt32BigEndian(bytes, seconds);
        s_processBytes.CopyTo(bytes[4..9]);
        var counter = Interlocked.Increment(ref s_counter) & 0xFFFFFF;
        bytes[9] = (byte)(counter >> 16);
        bytes[10] = (byte)(counter >> 8);
        bytes[11] = (byte)counter;
        return Convert.ToHexStringLower(bytes);
    }

    /// <summary>Creates a 32-character token from the URL-safe base64 alphabet (24 random bytes).</summary>
    public static string NewAccessToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// Derives the workspace id (the rooms' <c>application_id</c>) from an API key, so the state file stores
    /// a one-way hash of the key and never the key.
    /// </summary>
    public static string WorkspaceIdFor(string apiKey) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)))[..24];

    /// <summary>Returns the current UTC time cut to whole milliseconds, the precision of the wire format.</summary>
    public static DateTime UtcNowMilliseconds(TimeProvider clock)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>Returns a time later than <paramref name="previous"/>, so every update changes updated_at.</summary>
    public static DateTime NextUpdateTime(TimeProvider clock, DateTime previous)
    {
        var now = UtcNowMilliseconds(clock);
        return now > previous ? now : previous.AddMilliseconds(1);
    }

    /// <summary>Formats a time as ISO-8601 UTC with milliseconds, for example 2023-01-01T01:00:00.000Z.</summary>
    public static string FormatTimestamp(DateTime time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string? FormatTimestamp(DateTime? time) => time is { } value ? FormatTimestamp(value) : null;
}
