using Pagecall.Emulator.State;
using static Pagecall.Emulator.State.Identifiers;

namespace Pagecall.Emulator.Api;

/// <summary>Turns stored entities into their response shapes.</summary>
internal static class WireMapping
{
    /// <summary>The default layout name, the one Pagecall's examples show.</summary>
    public const string DefaultLayout = "SixAll";

    public static UserBody ToBody(this UserEntity user) => new(
        user.Id,
        user.UserId,
        user.Name,
        user.Nickname,
        user.ProfileUrl,
        user.DefaultMemberType,
        user.AccessToken,
        user.WorkspaceId,
        user.Metadata?.DeepClone().AsObject(),
        FormatTimestamp(user.CreatedAt),
        FormatTimestamp(user.UpdatedAt));

    public static RoomBody ToBody(this RoomEntity room) => new(
        room.Id,
        room.WorkspaceId,
        room.Type,
        room.Name,
        ThumbnailUrl: null,
        room.Layout,
        room.Record,
        room.MaxMeetingSeconds,
        room.MeetingTime,
        FormatTimestamp(room.StartedAt),
        FormatTimestamp(room.TerminatedAt),
        FormatTimestamp(room.CreatedAt),
        FormatTimestamp(room.UpdatedAt),
        IsTerminated: room.TerminatedAt is not null,
        CreatedUserId: null,
        LastThumbnailUpdatedAt: null,
        RoomTemplateId: null,
        IsEphemeral: false,
        IsRecurring: false);

    public static MemberBody ToBody(this MemberEntity member, WorkspaceData workspace) => new(
        member.Id,
        member.RoomId,
        member.UserId,
        member.Type,
        member.DisplayName ?? workspace.FindUser(member.UserId)?.Name,
        FormatTimestamp(member.CreatedAt),
        FormatTimestamp(member.UpdatedAt));

    public static SessionBody ToBody(this SessionEntity session, TimeProvider clock)
    {
        var end = session.DisconnectedAt ?? UtcNowMilliseconds(clock);
        return new SessionBody(
            session.Id,
            session.RoomId,
            session.MemberId,
            session.UserId,
            session.ConnectionId,
            FormatTimestamp(session.ConnectedAt),
            FormatTimestamp(session.DisconnectedAt),
            ElapsedTime: (long)(end - session.ConnectedAt).TotalMilliseconds,
            IpAddress: "127.0.0.1",
            UserAgent: "Pagecall.Emulator",
            AppVersion: "emulator");
    }
}
