using System.Globalization;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

public static partial class Planner
{
    /// <summary>
    /// Plans one room. A change of type, record or max_meeting_seconds is a replace, listing every field the new
    /// room gets; a name change alone is an update in place.
    /// </summary>
    private static PlannedChange PlanRoom(RoomMatch match, IReadOnlySet<string> createdUsers)
    {
        var room = match.Room;
        var live = match.Live;
        var change = new PlannedChange
        {
            Address = Addresses.Room(room.Name),
            Kind = ResourceKind.Room,
            Action = ChangeAction.NoOp,
            Reason = ChangeReasons.Matches,
            LiveId = live?.Id,
            Source = room.Position,
        };
        var fields = RoomFields(room, live);
        if (live is null)
        {
            return change with
            {
                Action = ChangeAction.Create,
                Reason = ChangeReasons.RoomMissing(room.Name, room.RenamedFrom),
                Fields = fields,
                DependsOn = MemberUsersCreated(room, createdUsers),
            };
        }

        var forcing = fields.Where(field => field.ForcesReplacement && field.IsChanged).ToList();
        if (forcing.Count > 0)
        {
            return change with
            {
                Action = ChangeAction.Replace,
                Reason = ChangeReasons.CannotChangeInPlace(forcing),
                Fields = fields,
                DependsOn = MemberUsersCreated(room, createdUsers),
            };
        }

        var renamed = fields.Where(field => field.IsChanged).ToList();
        if (renamed.Count == 0)
        {
            return change;
        }

        var reason = match.Kind == RoomMatchKind.RenamedFrom
            ? ChangeReasons.RenamedFrom(live.Name)
            : ChangeReasons.Differs(renamed);
        return change with { Action = ChangeAction.Update, Reason = reason, Fields = renamed };
    }

    /// <summary>
    /// Returns the fields the manifest sets on <paramref name="room"/> with the live values before. A live value
    /// of null means the API did not report the field, so it counts as unchanged.
    /// </summary>
    private static List<FieldChange> RoomFields(ManifestRoom room, LiveRoom? live)
    {
        var fields = new List<FieldChange>
        {
            new("name", live?.Name, room.Name),
            new("type", live?.Type, room.Type.ToWireName(), ForcesReplacement: true),
        };
        if (room.Record is { } record)
        {
            var after = record ? "true" : "false";
            var before = live is null ? null : Format(live.Record) ?? after;
            fields.Add(new FieldChange("record", before, after, ForcesReplacement: true, Type: FieldType.Boolean));
        }

        if (room.MaxMeetingSeconds is { } seconds)
        {
            var after = seconds.ToString(CultureInfo.InvariantCulture);
            var before = live is null ? null : live.MaxMeetingSeconds?.ToString(CultureInfo.InvariantCulture) ?? after;
            fields.Add(new FieldChange(
                "max_meeting_seconds", before, after, ForcesReplacement: true, Type: FieldType.Integer));
        }

        return fields;
    }

    /// <summary>Returns the addresses of the user creates that a room's create call needs, for its members.</summary>
    private static List<string> MemberUsersCreated(ManifestRoom room, IReadOnlySet<string> createdUsers) =>
        (room.Members ?? ValueList<ManifestMember>.Empty)
            .Select(member => Addresses.User(member.UserId))
            .Where(createdUsers.Contains)
            .ToList();

    private static string? Format(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}
