namespace Pagecall.Provisioning.Manifest;

/// <summary>Role of a member in a room, and the default role of a user.</summary>
public enum MemberType
{
    /// <summary>Ordinary participant. Wire name <c>guest</c>.</summary>
    Guest,

    /// <summary>Participant with administrator rights in the room. Wire name <c>host</c>.</summary>
    Host,

    /// <summary>Observer who watches a meeting without taking part. Wire name <c>monitor</c>.</summary>
    Monitor,
}

/// <summary>Who may join a room.</summary>
public enum RoomType
{
    /// <summary>Anyone with the room URL, anonymous users included. Wire name <c>open</c>.</summary>
    Open,

    /// <summary>Any user registered in the workspace. Wire name <c>public</c>.</summary>
    Public,

    /// <summary>Invited members only. Wire name <c>private</c>.</summary>
    Private,
}

/// <summary>Conversions between the manifest enums and their lowercase names in YAML and in the API.</summary>
public static class ManifestTypeNames
{
    public static string ToWireName(this MemberType type) => type.ToString().ToLowerInvariant();

    public static string ToWireName(this RoomType type) => type.ToString().ToLowerInvariant();

    /// <summary>Parses an exact lowercase wire name. Returns null for any other text, other casings included.</summary>
    public static TEnum? ParseWireName<TEnum>(string text)
        where TEnum : struct, Enum
    {
        foreach (var value in Enum.GetValues<TEnum>())
        {
            if (string.Equals(WireName(value), text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>Returns the wire names of every value of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IReadOnlyList<string> WireNames<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => WireName(value)).ToArray();

    private static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum => value.ToString().ToLowerInvariant();
}
