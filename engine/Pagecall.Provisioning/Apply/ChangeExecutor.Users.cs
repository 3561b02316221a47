using Pagecall.Api;
using Pagecall.Provisioning.Planning;

namespace Pagecall.Provisioning.Apply;

internal sealed partial class ChangeExecutor
{
    private async Task<IReadOnlyList<ChangeOutcome>> ExecuteUserAsync(WorkItem item)
    {
        var change = item.Change;
        var userId = ChangeAddress.Parse(change.Address).UserId!;
        switch (change.Action)
        {
            case ChangeAction.Create:
                return await CreateUserAsync(item, userId).ConfigureAwait(false);
            case ChangeAction.Update:
                var updated = await sender.SendAsync(change.Address, "update user",
                    token => client.UpdateUserAsync(userId, UpdateRequest(item), token)).ConfigureAwait(false);
                return Single(change, updated.User.Id ?? change.LiveId);
            case ChangeAction.Delete:
                await sender.DeleteAsync(change.Address, "delete user",
                    token => client.DeleteUserAsync(userId, token)).ConfigureAwait(false);
                return Single(change, change.LiveId);
            default:
                throw Unsupported(change);
        }
    }

    /// <summary>
    /// Creates the user. When a lost response hides whether the create committed, it reads the user by user_id
    /// and, if found, updates the fields that differ.
    /// </summary>
    private async Task<IReadOnlyList<ChangeOutcome>> CreateUserAsync(WorkItem item, string userId)
    {
        var change = item.Change;
        var request = new CreateUserRequest
        {
            UserId = userId,
            Name = item.Field("name"),
            ProfileUrl = item.Field("profile_url"),
            DefaultMemberType = item.Field("default_member_type") is { } type ? new MemberType(type) : null,
        };
        var (user, found) = await sender.CreateAsync(change.Address, "create user",
            async token => (await client.CreateUserAsync(request, token).ConfigureAwait(false)).User,
            token => FindUserAsync(userId, token)).ConfigureAwait(false);
        if (!found)
        {
            return Single(change, user.Id);
        }

        var update = UpdateRequest(item);
        if (Differs(user, update))
        {
            user = (await sender.SendAsync(change.Address, "update user",
                token => client.UpdateUserAsync(userId, update, token)).ConfigureAwait(false)).User;
        }

        return Single(change, user.Id, "Found after a lost response; not created twice.");
    }

    private async Task<User?> FindUserAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetUserAsync(userId, cancellationToken).ConfigureAwait(false)).User;
        }
        catch (PagecallClientApiException exception) when (RequestFailures.IsNotFound(exception))
        {
            return null;
        }
    }

    private static UpdateUserRequest UpdateRequest(WorkItem item) => new()
    {
        Name = item.Field("name"),
        ProfileUrl = item.Field("profile_url"),
        DefaultMemberType = item.Field("default_member_type") is { } type ? new MemberType(type) : null,
    };

    private static bool Differs(User user, UpdateUserRequest update) =>
        (update.Name is not null && update.Name != user.Name)
        || (update.ProfileUrl is not null && update.ProfileUrl != user.ProfileUrl)
        || (update.DefaultMemberType is { } type && type != user.DefaultMemberType);
}
