using System.Text;
using System.Text.Json;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

/// <summary>
/// The keys in a change address: the user id of <c>user["u"]</c>, the room name of <c>room["R"]</c>, and both of
/// <c>room["R"].member["u"]</c>. It reverses <see cref="Addresses"/>, whose keys are JSON strings.
/// </summary>
internal sealed record ChangeAddress(string? RoomName, string? UserId)
{
    private const string UserPrefix = "user[";
    private const string RoomPrefix = "room[";
    private const string MemberInfix = ".member[";

    /// <summary>Address of the room of a member address, or null for other addresses.</summary>
    public string? RoomAddress => RoomName is null ? null : Addresses.Room(RoomName);

    /// <exception cref="FormatException"><paramref name="address"/> is not an address that
    /// <see cref="Addresses"/> builds.</exception>
    public static ChangeAddress Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var bytes = Encoding.UTF8.GetBytes(address);
        if (address.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            var (userId, end) = ReadKey(bytes, UserPrefix.Length, address);
            Expect(bytes, end, "]", address);
            ExpectEnd(bytes, end + 1, address);
            return new ChangeAddress(null, userId);
        }

        if (address.StartsWith(RoomPrefix, StringComparison.Ordinal))
        {
            var (roomName, end) = ReadKey(bytes, RoomPrefix.Length, address);
            Expect(bytes, end, "]", address);
            if (end + 1 == bytes.Length)
            {
                return new ChangeAddress(roomName, null);
            }

            Expect(bytes, end + 1, MemberInfix, address);
            var (userId, memberEnd) = ReadKey(bytes, end + 1 + MemberInfix.Length, address);
            Expect(bytes, memberEnd, "]", address);
            ExpectEnd(bytes, memberEnd + 1, address);
            return new ChangeAddress(roomName, userId);
        }

        throw Invalid(address);
    }

    private static (string Key, int End) ReadKey(byte[] bytes, int start, string address)
    {
        var reader = new Utf8JsonReader(bytes.AsSpan(start), isFinalBlock: false, state: default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.String)
            {
                throw Invalid(address);
            }

            return (reader.GetString()!, start + (int)reader.BytesConsumed);
        }
        catch (JsonException)
        {
            throw Invalid(address);
        }
    }

    private static void Expect(byte[] bytes, int index, string text, string address)
    {
        var expected = Encoding.ASCII.GetBytes(text);
        if (index + expected.Length > bytes.Length || !bytes.AsSpan(index, expected.Length).SequenceEqual(expected))
        {
            throw Invalid(address);
        }
    }

    private static void ExpectEnd(byte[] bytes, int index, string address)
    {
        if (index != bytes.Length)
        {
            throw Invalid(address);
        }
    }

    private static FormatException Invalid(string address) => new(
        $"The change address {address} is invalid. Expected user[\"id\"], room[\"name\"] or "
        + "room[\"name\"].member[\"id\"] with JSON string keys, as the planner writes them.");
}
