using Pagecall.Api;
using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

internal sealed partial class ChangeExecutor
{
    private async Task<IReadOnlyList<ChangeOutcome>> ExecuteMemberAsync(WorkItem item)
    {
        var change = item.Change;
        var roomId = RoomIdOf(change);
        switch (change.Action)
        {
            case ChangeAction.Create:
                var (member, found) = await AddMemberAsync(roomId, change).ConfigureAwait(false);
                return Single(change, member.Id, found ? "Found after a lost response; not added twice." : null);
            case ChangeAction.Update:
                var memberId = RequireLiveId(change);
                var type = WorkItem.FieldOf(change, "type") ?? throw MissingField(change, "type");
                await sender.SendAsync(change.Address, "update member",
                    token => client.UpdateMemberAsync(roomId, memberId,
                        new UpdateMemberRequest { Type = new MemberType(type) }, token)).ConfigureAwait(false);
                return Single(change, memberId);
            case ChangeAction.Delete:
                var removedId = RequireLiveId(change);
                await sender.DeleteAsync(change.Address, "remove member",
                    token => client.RemoveMemberAsync(roomId, removedId, token)).ConfigureAwait(false);
                return Single(change, removedId);
            default:
                throw Unsupported(change);
        }
    }

    /// <summary>
    /// Adds a member. When a lost response hides whether the add committed, it looks the user_id up among the
    /// room's members and, if found with another type, updates the type.
    /// </summary>
    private async Task<(Member Member, bool Found)> AddMemberAsync(string roomId, PlannedChange change)
    {
        var userId = ChangeAddress.Parse(change.Address).UserId!;
        var type = WorkItem.FieldOf(change, "type");
        var request = new AddMemberRequest { UserId = userId, Type = type is null ? null : new MemberType(type) };
        var (member, found) = await sender.CreateAsync(change.Address, "add member",
            async token => (await client.AddMemberAsync(roomId, request, token).ConfigureAwait(false)).Member,
            async token => (await ReadMembersAsync(roomId, token).ConfigureAwait(false))
                .FirstOrDefault(existing => existing.UserId == userId)).ConfigureAwait(false);
        if (found && type is not null && member.Type?.Value != type)
        {
            member = (await sender.SendAsync(change.Address, "update member",
                token => client.UpdateMemberAsync(roomId, member.Id,
                    new UpdateMemberRequest { Type = new MemberType(type) }, token)).ConfigureAwait(false)).Member;
        }

        return (member, found);
    }

    /// <summary>
    /// Makes the members of a room that an earlier create attempt made match the plan: it reads them once, adds
    /// the missing ones and corrects a differing type. Returns one outcome per member change.
    /// </summary>
    private async Task<IReadOnlyList<ChangeOutcome>> EnsureMembersAsync(
        string roomAddress, string roomId, IReadOnlyList<PlannedChange> memberChanges)
    {
        var members = await sender.SendAsync(roomAddress, "list members",
            token => ReadMembersAsync(roomId, token)).ConfigureAwait(false);
        var existing = members.ToDictionary(member => member.UserId, StringComparer.Ordinal);
        var outcomes = new List<ChangeOutcome>();
        foreach (var change in memberChanges)
        {
            var userId = ChangeAddress.Parse(change.Address).UserId!;
            var type = WorkItem.FieldOf(change, "type");
            if (!existing.TryGetValue(userId, out var member))
            {
                (member, _) = await AddMemberAsync(roomId, change).ConfigureAwait(false);
            }
            else if (type is not null && member.Type?.Value != type)
            {
                var memberId = member.Id;
                member = (await sender.SendAsync(change.Address, "update member",
                    token => client.UpdateMemberAsync(roomId, memberId,
                        new UpdateMemberRequest { Type = new MemberType(type) }, token)).ConfigureAwait(false)).Member;
            }

            outcomes.Add(new ChangeOutcome(change, ChangeStatus.Succeeded, null, member.Id));
        }

        return outcomes;
    }

    private Task<List<Member>> ReadMembersAsync(string roomId, CancellationToken cancellationToken) =>
        PagedReader.ReadAllAsync(
            $"members of room {roomId}",
            ListPageSize,
            async (offset, limit, token) =>
            {
                var page = await client.ListMembersAsync(roomId, offset, limit, token).ConfigureAwait(false);
                return new Page<Member>(page.Members, page.Paging);
            },
            member => member.UserId,
            cancellationToken);
}
