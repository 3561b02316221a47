using Pagecall.Emulator.State;

namespace Pagecall.Emulator.Api;

/// <summary>The rules for adding a user to a room, shared by the member routes and room creation.</summary>
internal static class Membership
{
    /// <summary>A validated request to make a user a member of a room.</summary>
    public sealed record Request(string UserId, string? Type, string? DisplayName, string UserIdField);

    /// <summary>Rejects the request unless its user exists in the workspace (400 naming the user_id field).</summary>
    public static UserEntity RequireUser(WorkspaceData workspace, Request request) =>
        workspace.FindUser(request.UserId)
        ?? throw ApiErrors.Invalid(
            request.UserIdField,
            $"No user with user_id '{request.UserId}' exists in this workspace. Create the user first.");

    /// <summary>
    /// Adds the user to the room, or returns its existing membership. A given type that differs from the
    /// current one replaces it; an omitted type means the user's default_member_type for a new member.
    /// </summary>
    public static MemberEntity Upsert(WorkspaceData workspace, RoomEntity room, UserEntity user, Request request)
    {
        var existing = workspace.MembersOf(room).FirstOrDefault(member => member.UserId == user.UserId);
        if (existing is not null)
        {
            var changed = false;
            if (request.Type is not null && request.Type != existing.Type)
            {
                existing.Type = request.Type;
                changed = true;
            }

            if (request.DisplayName is not null && request.DisplayName != existing.DisplayName)
            {
                existing.DisplayName = request.DisplayName;
                changed = true;
            }

            if (changed)
            {
                existing.UpdatedAt = Identifiers.NextUpdateTime(workspace.Clock, existing.UpdatedAt);
            }

            return existing;
        }

        var now = workspace.Now();
        var member = new MemberEntity
        {
            Id = Identifiers.NewObjectId(now),
            RoomId = room.Id,
            UserId = user.UserId,
            Type = request.Type ?? user.DefaultMemberType,
            DisplayName = request.DisplayName,
            CreatedAt = now,
            UpdatedAt = now,
        };
        workspace.AddMember(member);
        return member;
    }

    /// <summary>Rejects a change to the members of a terminated room (400 naming room_id).</summary>
    public static void RequireOpen(RoomEntity room)
    {
        if (room.TerminatedAt is not null)
        {
            throw ApiErrors.RoomTerminated(room.Id);
        }
    }
}
