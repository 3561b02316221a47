using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Invites;

/// <summary>A join link of one room member.</summary>
/// <param name="RoomName">Name of the room.</param>
/// <param name="RoomId">Live id of the room.</param>
/// <param name="UserId">The member's user id.</param>
/// <param name="MemberType">Wire name of the member type, such as <c>host</c>.</param>
/// <param name="Url">The join link. It contains the user's access token, so it is a <see cref="SensitiveValue"/>
/// and printing the record shows the mask.</param>
public sealed record InviteLink(string RoomName, string RoomId, string UserId, string MemberType, SensitiveValue Url);

/// <summary>
/// Builds the join links of the members of every manifest room that lists members, from the live workspace after
/// an apply, in the form <c>{meet}?room_id=…&amp;access_token=…</c>.
/// </summary>
public static class InviteLinks
{
    /// <summary>Pagecall's join page, used when no other address is given.</summary>
    public static Uri DefaultMeetBaseAddress { get; } = new("https://app.pagecall.com/meet");

    /// <summary>Returns one link per declared member, with Pagecall's join page as the base address.</summary>
    /// <exception cref="InvalidOperationException">A room, member or user token is missing live.</exception>
    public static IReadOnlyList<InviteLink> Build(WorkspaceManifest manifest, LiveWorkspace live) =>
        Build(manifest, live, DefaultMeetBaseAddress);

    /// <summary>
    /// Returns one link per declared member, in manifest order. Rooms without a <c>members</c> list are left
    /// out, because the manifest does not say who joins them.
    /// </summary>
    /// <param name="manifest">The manifest whose rooms and members are listed.</param>
    /// <param name="live">The live workspace, read with the members of the manifest's rooms.</param>
    /// <param name="meetBaseAddress">The join page, such as <see cref="DefaultMeetBaseAddress"/>. A query it
    /// already has is kept.</param>
    /// <exception cref="InvalidOperationException">A room, member or user token is missing live, which happens
    /// before the manifest is applied; the message names each one.</exception>
    public static IReadOnlyList<InviteLink> Build(WorkspaceManifest manifest, LiveWorkspace live, Uri meetBaseAddress)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(meetBaseAddress);
        if (!meetBaseAddress.IsAbsoluteUri)
        {
            throw new ArgumentException(
                $"The meet address {meetBaseAddress} is relative. Give an absolute URL such as {DefaultMeetBaseAddress}.",
                nameof(meetBaseAddress));
        }

        var users = live.Users.ToDictionary(user => user.UserId, StringComparer.Ordinal);
        var (matches, matchErrors) = RoomMatcher.Match(manifest.Rooms ?? ValueList<ManifestRoom>.Empty, live.Rooms);
        var problems = matchErrors.Select(error => error.Message).ToList();
        var links = new List<InviteLink>();
        foreach (var match in matches.Where(match => match.Room.Members is not null))
        {
            if (match.Live is null)
            {
                problems.Add($"Room {Addresses.Quote(match.Room.Name)} does not exist in the workspace.");
                continue;
            }

            foreach (var member in match.Room.Members!)
            {
                var link = BuildLink(match.Room, match.Live, member, users, meetBaseAddress, problems);
                if (link is not null)
                {
                    links.Add(link);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "Building the invite links failed, because the workspace does not match the manifest. Run apply "
                + "first, then build the links again." + Environment.NewLine + string.Join(Environment.NewLine, problems));
        }

        return links;
    }

    private static InviteLink? BuildLink(
        ManifestRoom room,
        LiveRoom liveRoom,
        ManifestMember member,
        Dictionary<string, LiveUser> users,
        Uri meetBaseAddress,
        List<string> problems)
    {
        var address = Addresses.Member(room.Name, member.UserId);
        var liveMember = liveRoom.Members?.FirstOrDefault(candidate => candidate.UserId == member.UserId);
        if (liveRoom.Members is not null && liveMember is null)
        {
            problems.Add($"{address} is not a member of live room {liveRoom.Id}.");
            return null;
        }

        if (!users.TryGetValue(member.UserId, out var user) || user.AccessToken is not { } token)
        {
            problems.Add($"{address}: user {Addresses.Quote(member.UserId)} or its access token was not found.");
            return null;
        }

        var type = liveMember?.Type ?? member.Type.ToWireName();
        var url = JoinUrl(meetBaseAddress, liveRoom.Id, token.Reveal());
        return new InviteLink(liveRoom.Name, liveRoom.Id, member.UserId, type, new SensitiveValue(url));
    }

    /// <summary>Returns the join URL, with both values percent-encoded and any existing query kept.</summary>
    internal static string JoinUrl(Uri meetBaseAddress, string roomId, string accessToken)
    {
        var builder = new UriBuilder(meetBaseAddress);
        var query = $"room_id={Uri.EscapeDataString(roomId)}&access_token={Uri.EscapeDataString(accessToken)}";
        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length == 0 ? query : $"{existing}&{query}";
        return builder.Uri.AbsoluteUri;
    }
}
