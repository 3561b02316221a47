using System.Globalization;
using Pagecall.Api;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

internal sealed partial class ChangeExecutor
{
    private async Task<IReadOnlyList<ChangeOutcome>> ExecuteRoomAsync(WorkItem item)
    {
        var change = item.Change;
        switch (change.Action)
        {
            case ChangeAction.Create:
                return await CreateRoomAsync(item, replacedRoomId: null).ConfigureAwait(false);
            case ChangeAction.Replace:
                return await CreateRoomAsync(item, RequireLiveId(change)).ConfigureAwait(false);
            case ChangeAction.Update:
                return await UpdateRoomAsync(item).ConfigureAwait(false);
            case ChangeAction.Delete:
                var roomId = RequireLiveId(change);
                await sender.DeleteAsync(change.Address, "delete room",
                    token => client.DeleteRoomAsync(roomId, token)).ConfigureAwait(false);
                return Single(change, roomId);
            default:
                throw Unsupported(change);
        }
    }

    /// <summary>
    /// Creates the room with its members in one call, then, for a replace, terminates the old room. The member
    /// outcomes succeed once the new room exists, even when terminating the old room fails.
    /// </summary>
    private async Task<IReadOnlyList<ChangeOutcome>> CreateRoomAsync(WorkItem item, string? replacedRoomId)
    {
        var change = item.Change;
        var name = item.Field("name") ?? ChangeAddress.Parse(change.Address).RoomName!;
        var request = new CreateRoomRequest
        {
            Name = name,
            Type = new RoomType(item.Field("type") ?? throw MissingField(change, "type")),
            Record = item.Field("record") is { } record ? bool.Parse(record) : null,
            MaxMeetingSeconds = item.Field("max_meeting_seconds") is { } seconds
                ? long.Parse(seconds, NumberStyles.None, CultureInfo.InvariantCulture)
                : null,
            Members = item.MembersWithRoom.Select(member => new RoomMemberInput
            {
                UserId = ChangeAddress.Parse(member.Address).UserId!,
                Type = WorkItem.FieldOf(member, "type") is { } type ? new MemberType(type) : null,
            }).ToList(),
        };
        var (room, found) = await sender.CreateAsync(change.Address, "create room",
            async token => (await client.CreateRoomAsync(request, token).ConfigureAwait(false)).Room,
            token => FindRoomAsync(change, name, replacedRoomId, token)).ConfigureAwait(false);

        var outcomes = new List<ChangeOutcome>();
        string? note = null;
        if (found)
        {
            note = "Found after a lost response; not created twice.";
            outcomes.AddRange(await EnsureMembersAsync(change.Address, room.Id, item.MembersWithRoom).ConfigureAwait(false));
        }
        else
        {
            outcomes.AddRange(item.MembersWithRoom.Select(member => new ChangeOutcome(
                member, ChangeStatus.Succeeded, $"Added by the create call of {change.Address}.", null)));
        }

        if (replacedRoomId is null)
        {
            outcomes.Insert(0, new ChangeOutcome(change, ChangeStatus.Succeeded, note, room.Id));
            return outcomes;
        }

        try
        {
            await TerminateAsync(change.Address, replacedRoomId).ConfigureAwait(false);
            outcomes.Insert(0, new ChangeOutcome(change, ChangeStatus.Succeeded,
                $"Created room {room.Id} and terminated room {replacedRoomId}.", room.Id));
        }
        catch (OperationCanceledException) when (sender.RunToken.IsCancellationRequested)
        {
            outcomes.Insert(0, new ChangeOutcome(change, ChangeStatus.Failed,
                $"Created room {room.Id}, but the run was cancelled before the old room {replacedRoomId} was "
                + $"terminated, so both rooms may be open. Terminate room {replacedRoomId} by hand, because a later "
                + "apply does not terminate it.",
                room.Id));
        }
        catch (Exception exception) when (RequestFailures.Classify(exception, sender.RunToken) is not null)
        {
            outcomes.Insert(0, new ChangeOutcome(change, ChangeStatus.Failed,
                $"Created room {room.Id}, but terminating the old room {replacedRoomId} failed, so both rooms are "
                + $"open. Terminate room {replacedRoomId} by hand, because a later apply does not terminate it. "
                + RequestFailures.Describe(exception),
                room.Id));
        }

        return outcomes;
    }

    /// <summary>
    /// Terminates a room. When every attempt fails in a way that may have committed, it reads the room and
    /// counts the terminate as done if the room is terminated.
    /// </summary>
    private async Task TerminateAsync(string address, string roomId)
    {
        try
        {
            await sender.SendAsync(address, "terminate replaced room",
                token => client.UpdateRoomAsync(roomId, new UpdateRoomRequest { IsTerminated = true }, token))
                .ConfigureAwait(false);
        }
        catch (Exception exception) when (
            RequestFailures.Classify(exception, sender.RunToken) == FailureKind.Ambiguous)
        {
            var room = (await sender.SendAsync(address, "read replaced room",
                token => client.GetRoomAsync(roomId, token)).ConfigureAwait(false)).Room;
            if (room.IsTerminated != true && room.TerminatedAt is null)
            {
                throw;
            }
        }
    }

    /// <summary>
    /// Returns the room that an earlier create attempt made: the one room that is not terminated, has exactly
    /// <paramref name="name"/> and is not the room being replaced. Returns null when there is none.
    /// </summary>
    private async Task<Room?> FindRoomAsync(
        PlannedChange change, string name, string? replacedRoomId, CancellationToken cancellationToken)
    {
        var rooms = await PagedReader.ReadAllAsync(
            $"rooms named {Addresses.Quote(name)}",
            ListPageSize,
            async (offset, limit, token) =>
            {
                var page = await client.ListRoomsAsync(offset, limit, name: name, isTerminated: false,
                    cancellationToken: token).ConfigureAwait(false);
                return new Page<Room>(page.Rooms, page.Paging);
            },
            room => room.Id,
            cancellationToken).ConfigureAwait(false);
        var candidates = rooms
            .Where(room => room.Name == name && room.Id != replacedRoomId)
            .Where(room => room.IsTerminated != true && room.TerminatedAt is null)
            .ToList();
        return candidates.Count switch
        {
            0 => null,
            1 => candidates[0],
            _ => throw new ChangeFailedException(
                $"A create response for {change.Address} was lost, and {candidates.Count} open rooms now have that "
                + $"name ({string.Join(", ", candidates.Select(room => room.Id))}), so the applier cannot tell "
                + "which one it made. Terminate the extra rooms, then run plan and apply again."),
        };
    }

    private async Task<IReadOnlyList<ChangeOutcome>> UpdateRoomAsync(WorkItem item)
    {
        var change = item.Change;
        var roomId = RequireLiveId(change);
        var fixedFields = change.Fields.Where(field => field.IsChanged && field.Field != "name").ToList();
        if (fixedFields.Count > 0)
        {
            throw new ChangeFailedException(
                $"{change.Address} changes {string.Join(", ", fixedFields.Select(field => field.Field))}, which a "
                + "room update cannot set. Plan again, so that the change becomes a replace.");
        }

        var name = item.Field("name");
        if (name is null)
        {
            return Single(change, roomId, "Nothing to send.");
        }

        await sender.SendAsync(change.Address, "rename room",
            token => client.UpdateRoomAsync(roomId, new UpdateRoomRequest { Name = name }, token))
            .ConfigureAwait(false);
        return Single(change, roomId);
    }

    /// <summary>Returns the live id of the room of a member change, from the plan or else the live workspace.</summary>
    private string RoomIdOf(PlannedChange memberChange)
    {
        var address = ChangeAddress.Parse(memberChange.Address);
        if (roomIds.TryGetValue(address.RoomAddress!, out var id))
        {
            return id;
        }

        var named = live.Rooms.Where(room => !room.IsTerminated && room.Name == address.RoomName).ToList();
        return named.Count == 1
            ? named[0].Id
            : throw new ChangeFailedException(
                $"The room of {memberChange.Address} has no live id in the plan, and {named.Count} open live rooms "
                + "have its name. Plan again with the current workspace.");
    }

    private static string RequireLiveId(PlannedChange change) => change.LiveId ?? throw new ChangeFailedException(
        $"{change.Address} is a {change.Action} but the plan gives no live id. Plan again with the current workspace.");

    private static ChangeFailedException MissingField(PlannedChange change, string field) => new(
        $"{change.Address} is a {change.Action} but the plan gives no {field}. Plan again with the current workspace.");
}
