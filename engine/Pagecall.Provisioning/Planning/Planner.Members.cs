using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

public static partial class Planner
{
    /// <summary>
    /// Plans the members of one room whose member list the manifest declares: additions, type updates and
    /// removals of live members the list leaves out. A room that is created or replaced gets its members in the
    /// create call; the plan still lists each of them, depending on the room.
    /// </summary>
    private static IEnumerable<PlannedChange> PlanMembers(
        RoomMatch match, PlannedChange roomChange, IReadOnlySet<string> createdUsers)
    {
        var room = match.Room;
        if (room.Members is null)
        {
            return [];
        }

        if (roomChange.Action is ChangeAction.Create or ChangeAction.Replace)
        {
            return room.Members.Select(member => PlanMemberOfNewRoom(room, member, roomChange, createdUsers));
        }

        var live = match.Live!;
        var liveMembers = live.Members ?? throw new ArgumentException(
            $"The members of live room {live.Id} were not read, but the manifest lists members of room "
            + $"\"{room.Name}\". Read the workspace with LiveWorkspaceReader.ReadAsync(manifest).", "live");
        var byUserId = liveMembers.ToDictionary(member => member.UserId, StringComparer.Ordinal);
        var declared = room.Members.Select(member => member.UserId).ToHashSet(StringComparer.Ordinal);
        var kept = room.Members.Select(
            member => PlanMemberOfLiveRoom(room, member, byUserId.GetValueOrDefault(member.UserId), createdUsers));
        var removed = liveMembers.Where(member => !declared.Contains(member.UserId))
            .Select(member => PlanMemberRemoval(room, member));
        return kept.Concat(removed).ToList();
    }

    private static PlannedChange PlanMemberOfNewRoom(
        ManifestRoom room, ManifestMember member, PlannedChange roomChange, IReadOnlySet<string> createdUsers)
    {
        var userAddress = Addresses.User(member.UserId);
        List<string> dependsOn = createdUsers.Contains(userAddress) ? [roomChange.Address, userAddress] : [roomChange.Address];
        return new PlannedChange
        {
            Address = Addresses.Member(room.Name, member.UserId),
            Kind = ResourceKind.Member,
            Action = ChangeAction.Create,
            Reason = ChangeReasons.MemberWithNewRoom,
            Fields = [new FieldChange("type", null, member.Type.ToWireName())],
            DependsOn = dependsOn,
            Source = member.Position,
        };
    }

    private static PlannedChange PlanMemberOfLiveRoom(
        ManifestRoom room, ManifestMember member, LiveMember? live, IReadOnlySet<string> createdUsers)
    {
        var userAddress = Addresses.User(member.UserId);
        var after = member.Type.ToWireName();
        var change = new PlannedChange
        {
            Address = Addresses.Member(room.Name, member.UserId),
            Kind = ResourceKind.Member,
            Action = ChangeAction.NoOp,
            Reason = ChangeReasons.Matches,
            LiveId = live?.Id,
            Source = member.Position,
        };
        if (live is null)
        {
            return change with
            {
                Action = ChangeAction.Create,
                Reason = ChangeReasons.MemberMissing,
                Fields = [new FieldChange("type", null, after)],
                DependsOn = createdUsers.Contains(userAddress) ? [userAddress] : [],
            };
        }

        // A member type the API did not report is not compared.
        var type = new FieldChange("type", live.Type ?? after, after);
        return type.IsChanged
            ? change with { Action = ChangeAction.Update, Reason = ChangeReasons.Differs([type]), Fields = [type] }
            : change;
    }

    private static PlannedChange PlanMemberRemoval(ManifestRoom room, LiveMember live) => new()
    {
        Address = Addresses.Member(room.Name, live.UserId),
        Kind = ResourceKind.Member,
        Action = ChangeAction.Delete,
        Reason = ChangeReasons.MemberNotDeclared,
        LiveId = live.Id,
        Fields = [new FieldChange("type", live.Type, null)],
        Source = room.Fields.Find("members") ?? room.Position,
    };
}
