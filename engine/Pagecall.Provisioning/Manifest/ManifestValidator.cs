namespace Pagecall.Provisioning.Manifest;

/// <summary>
/// Checks across manifest elements: duplicate user ids, room names, pinned ids and members, renames that clash,
/// and members whose user is not declared in the manifest.
/// </summary>
internal static class ManifestValidator
{
    /// <summary>
    /// Reports every cross-element problem in <paramref name="manifest"/> and returns the members whose user is
    /// not declared under <c>users</c>, in manifest order.
    /// </summary>
    public static IReadOnlyList<ExternalUserReference> Validate(WorkspaceManifest manifest, DiagnosticBag diagnostics)
    {
        var users = manifest.Users ?? ValueList<ManifestUser>.Empty;
        var rooms = manifest.Rooms ?? ValueList<ManifestRoom>.Empty;
        CheckUsers(users, diagnostics);
        CheckRoomIdentity(rooms, diagnostics);
        CheckRenames(rooms, diagnostics);
        CheckMembers(rooms, diagnostics);
        var externalUsers = FindExternalUsers(users, rooms);
        var declared = users.Select(user => user.UserId).Distinct(StringComparer.Ordinal).ToList();
        foreach (var reference in externalUsers)
        {
            diagnostics.Add(ManifestErrors.UndeclaredUser(reference, declared));
        }

        return externalUsers;
    }

    private static void CheckUsers(ValueList<ManifestUser> users, DiagnosticBag diagnostics)
    {
        var seen = new Dictionary<string, (SourcePosition At, string Value)>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            var at = user.Fields.Find("user_id")!;
            if (user.UserId is "." or "..")
            {
                diagnostics.Add(ManifestErrors.DotSegmentUserId(at, $"{user.Path}.user_id", user.UserId));
            }

            var key = IdentifierText.ComparisonKey(user.UserId);
            if (!seen.TryAdd(key, (at, user.UserId)))
            {
                var path = $"{user.Path}.user_id";
                var first = seen[key];
                diagnostics.Add(ManifestErrors.DuplicateUserId(at, path, user.UserId, first.At, first.Value));
            }
        }
    }

    /// <summary>
    /// Checks that rooms without an id have distinct names and that pinned ids are distinct. A pinned room's
    /// name is only an attribute, so it may repeat.
    /// </summary>
    private static void CheckRoomIdentity(ValueList<ManifestRoom> rooms, DiagnosticBag diagnostics)
    {
        var names = new Dictionary<string, (SourcePosition At, string Value)>(StringComparer.Ordinal);
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        foreach (var room in rooms)
        {
            if (room.Id is null)
            {
                var at = room.Fields.Find("name")!;
                var key = IdentifierText.ComparisonKey(room.Name);
                if (!names.TryAdd(key, (at, room.Name)))
                {
                    var path = $"{room.Path}.name";
                    var first = names[key];
                    diagnostics.Add(ManifestErrors.DuplicateRoomName(at, path, room.Name, first.At, first.Value));
                }
            }
            else
            {
                var at = room.Fields.Find("id")!;
                if (!ids.TryAdd(room.Id, at))
                {
                    diagnostics.Add(ManifestErrors.DuplicateRoomId(at, $"{room.Path}.id", room.Id, ids[room.Id]));
                }
            }
        }
    }

    private static void CheckRenames(ValueList<ManifestRoom> rooms, DiagnosticBag diagnostics)
    {
        foreach (var room in rooms)
        {
            if (room.RenamedFrom is null)
            {
                continue;
            }

            var at = room.Fields.Find("renamed_from")!;
            var path = $"{room.Path}.renamed_from";
            var renamedFrom = IdentifierText.ComparisonKey(room.RenamedFrom);
            var other = rooms.FirstOrDefault(candidate =>
                !ReferenceEquals(candidate, room) && IdentifierText.ComparisonKey(candidate.Name) == renamedFrom);
            if (renamedFrom == IdentifierText.ComparisonKey(room.Name))
            {
                diagnostics.Add(ManifestErrors.RenamedFromOwnName(at, path, room.Name));
            }
            else if (other is not null)
            {
                var otherName = other.Fields.Find("name")!;
                diagnostics.Add(ManifestErrors.RenamedFromOtherRoom(at, path, room.RenamedFrom, otherName));
            }
        }
    }

    private static void CheckMembers(ValueList<ManifestRoom> rooms, DiagnosticBag diagnostics)
    {
        foreach (var room in rooms)
        {
            var seen = new Dictionary<string, (SourcePosition At, string Value)>(StringComparer.Ordinal);
            foreach (var member in room.Members ?? ValueList<ManifestMember>.Empty)
            {
                var at = member.Fields.Find("user_id")!;
                var key = IdentifierText.ComparisonKey(member.UserId);
                if (!seen.TryAdd(key, (at, member.UserId)))
                {
                    var path = $"{member.Path}.user_id";
                    var first = seen[key];
                    diagnostics.Add(ManifestErrors.DuplicateMember(at, path, member.UserId, first.At, first.Value));
                }
            }
        }
    }

    private static IReadOnlyList<ExternalUserReference> FindExternalUsers(
        ValueList<ManifestUser> users, ValueList<ManifestRoom> rooms)
    {
        var declared = users.Select(user => user.UserId).ToHashSet(StringComparer.Ordinal);
        var references = new List<ExternalUserReference>();
        foreach (var room in rooms)
        {
            foreach (var member in room.Members ?? ValueList<ManifestMember>.Empty)
            {
                if (!declared.Contains(member.UserId))
                {
                    references.Add(new ExternalUserReference(
                        member.UserId, room.Name, $"{member.Path}.user_id", member.Fields.Find("user_id")!));
                }
            }
        }

        return references;
    }
}
