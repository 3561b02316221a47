using Pagecall.Provisioning.Live;
using Pagecall.Provisioning.Manifest;

namespace Pagecall.Provisioning.Planning;

/// <summary>
/// Computes the changes that bring a live workspace to a manifest. A pure function: it reads only its arguments,
/// sends nothing and logs nothing.
/// </summary>
/// <remarks>
/// Changes come in apply order: users, then rooms, then members, each in manifest order, with member removals
/// after the additions of their room. Only fields the manifest sets are compared; a field that the live object
/// does not report (null) is not compared, except user <c>name</c> and <c>profile_url</c>, where null is a value
/// the API documents. Objects the manifest does not declare are left alone, apart from the extra members of a
/// room whose member list the manifest declares. The plan lists the users and rooms left alone in
/// <see cref="Plan.Unmanaged"/>.
/// </remarks>
public static partial class Planner
{
    /// <summary>Plans a manifest that loaded without errors.</summary>
    /// <exception cref="ArgumentException"><paramref name="loaded"/> has errors.</exception>
    public static PlanningResult Compute(ManifestLoadResult loaded, LiveWorkspace live)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (!loaded.Succeeded)
        {
            throw new ArgumentException("The manifest has errors, so it cannot be planned.", nameof(loaded));
        }

        return Compute(loaded.Manifest, loaded.ExternalUserReferences, live);
    }

    /// <summary>
    /// Plans <paramref name="manifest"/> against <paramref name="live"/>. Returns located errors when a member's
    /// user exists nowhere or a room cannot be matched to one live room.
    /// </summary>
    /// <param name="manifest">The validated manifest.</param>
    /// <param name="externalUsers">Members whose user the manifest does not declare, as the loader returned them.</param>
    /// <param name="live">The live workspace, with the members of every matched room whose members the manifest
    /// lists.</param>
    /// <exception cref="ArgumentException">A room's members are needed but <paramref name="live"/> lacks them.</exception>
    public static PlanningResult Compute(
        WorkspaceManifest manifest, IReadOnlyList<ExternalUserReference> externalUsers, LiveWorkspace live)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(externalUsers);
        ArgumentNullException.ThrowIfNull(live);
        var (matches, roomErrors) = RoomMatcher.Match(manifest.Rooms ?? ValueList<ManifestRoom>.Empty, live.Rooms);
        var errors = FindUnknownUsers(manifest, externalUsers, live).Concat(roomErrors).ToList();
        if (errors.Count > 0)
        {
            var ordered = errors.OrderBy(error => error.Position.Line).ThenBy(error => error.Position.Column);
            return new PlanningResult(null, new ValueList<ManifestDiagnostic>(ordered));
        }

        var users = PlanUsers(manifest.Users ?? ValueList<ManifestUser>.Empty, live);
        var createdUsers = users.Where(change => change.Action == ChangeAction.Create)
            .Select(change => change.Address)
            .ToHashSet(StringComparer.Ordinal);
        var rooms = matches.Select(match => PlanRoom(match, createdUsers)).ToList();
        var members = matches.Zip(rooms, (match, room) => PlanMembers(match, room, createdUsers)).SelectMany(x => x);
        var plan = new Plan(manifest.Position.File, [.. users, .. rooms, .. members])
        {
            Unmanaged = FindUnmanaged(manifest, externalUsers, matches, live),
        };
        return new PlanningResult(plan, ValueList<ManifestDiagnostic>.Empty);
    }

    private static IEnumerable<ManifestDiagnostic> FindUnknownUsers(
        WorkspaceManifest manifest, IReadOnlyList<ExternalUserReference> externalUsers, LiveWorkspace live)
    {
        var liveUserIds = live.Users.Select(user => user.UserId).ToHashSet(StringComparer.Ordinal);
        var declaredUserIds = (manifest.Users ?? ValueList<ManifestUser>.Empty).Select(user => user.UserId);
        var knownUserIds = declaredUserIds.Concat(liveUserIds).Distinct(StringComparer.Ordinal).ToList();
        return externalUsers.Where(reference => !liveUserIds.Contains(reference.UserId))
            .Select(reference => ManifestErrors.UnknownUser(reference, knownUserIds));
    }

    private static List<PlannedChange> PlanUsers(IReadOnlyList<ManifestUser> users, LiveWorkspace live)
    {
        var liveUsers = live.Users.ToDictionary(user => user.UserId, StringComparer.Ordinal);
        return users.Select(user => PlanUser(user, liveUsers.GetValueOrDefault(user.UserId))).ToList();
    }

    private static PlannedChange PlanUser(ManifestUser user, LiveUser? live)
    {
        var change = new PlannedChange
        {
            Address = Addresses.User(user.UserId),
            Kind = ResourceKind.User,
            Action = ChangeAction.NoOp,
            Reason = ChangeReasons.Matches,
            LiveId = live?.Id,
            Source = user.Position,
        };
        if (live is null)
        {
            return change with { Action = ChangeAction.Create, Reason = ChangeReasons.UserMissing, Fields = UserFields(user, null) };
        }

        var differences = UserFields(user, live).Where(field => field.IsChanged).ToList();
        return differences.Count == 0
            ? change
            : change with { Action = ChangeAction.Update, Reason = ChangeReasons.Differs(differences), Fields = differences };
    }

    /// <summary>Returns the fields the manifest sets on <paramref name="user"/>, with the live values before.</summary>
    private static List<FieldChange> UserFields(ManifestUser user, LiveUser? live)
    {
        var fields = new List<FieldChange>();
        if (user.Name is not null)
        {
            fields.Add(new FieldChange("name", live?.Name, user.Name));
        }

        if (user.ProfileUrl is not null)
        {
            fields.Add(new FieldChange("profile_url", live?.ProfileUrl, user.ProfileUrl));
        }

        if (user.DefaultMemberType is { } type)
        {
            // A missing default_member_type means the API did not report it, so it is not compared.
            var after = type.ToWireName();
            fields.Add(new FieldChange("default_member_type", live is null ? null : live.DefaultMemberType ?? after, after));
        }

        return fields;
    }
}
