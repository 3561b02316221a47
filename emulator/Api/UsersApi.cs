using Pagecall.Emulator.State;
using static Pagecall.Emulator.Api.ApiRouting;

namespace Pagecall.Emulator.Api;

/// <summary>The /v1/users routes.</summary>
internal sealed class UsersApi(EmulatorStore store)
{
    private static readonly string[] s_createFields =
        ["user_id", "name", "nickname", "profile_url", "default_member_type", "metadata"];

    private static readonly string[] s_updateFields = ["name", "nickname", "profile_url", "default_member_type"];

    public void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/users", Handle(CreateAsync));
        v1.MapGet("/users", Handle(List));
        v1.MapGet("/users/{user_id}", Handle(Get));
        v1.MapPut("/users/{user_id}", Handle(UpdateAsync));
        v1.MapDelete("/users/{user_id}", Handle(Delete));
    }

    /// <summary>
    /// Creates a user, or updates the supplied fields of an existing user with the same user_id while keeping
    /// its id, access token and creation time.
    /// </summary>
    private async Task<IResult> CreateAsync(HttpContext context)
    {
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_createFields);
        var userId = body.RequiredNonEmptyString("user_id");
        var fields = UserFields.Read(body);
        var metadata = body.OptionalObject("metadata");

        var user = store.Write(context.WorkspaceId(), workspace =>
        {
            var existing = workspace.FindUser(userId);
            if (existing is not null)
            {
                fields.ApplyTo(existing);
                existing.Metadata = metadata?.DeepClone().AsObject() ?? existing.Metadata;
                existing.UpdatedAt = Identifiers.NextUpdateTime(workspace.Clock, existing.UpdatedAt);
                return existing.ToBody();
            }

            var now = workspace.Now();
            var created = new UserEntity
            {
                Id = Identifiers.NewObjectId(now),
                WorkspaceId = workspace.WorkspaceId,
                UserId = userId,
                DefaultMemberType = "guest",
                AccessToken = Identifiers.NewAccessToken(),
                Metadata = metadata?.DeepClone().AsObject(),
                CreatedAt = now,
                UpdatedAt = now,
            };
            fields.ApplyTo(created);
            workspace.AddUser(created);
            return created.ToBody();
        });
        return Ok(new UserEnvelope(user), WireJsonContext.Relaxed.UserEnvelope);
    }

    private IResult List(HttpContext context)
    {
        var window = PageWindow.FromQuery(context.Request.Query);
        var newestFirst = QueryParameters.NewestFirst(context.Request.Query);
        var (users, paging) = store.Read(context.WorkspaceId(), workspace =>
        {
            var ordered = QueryParameters.OrderByCreation(
                workspace.Users, user => user.CreatedAt, user => user.Id, newestFirst);
            var (page, paging) = window.Apply(ordered);
            return (page.Select(user => user.ToBody()).ToList(), paging);
        });
        return Ok(new UserListEnvelope(users, paging), WireJsonContext.Relaxed.UserListEnvelope);
    }

    private IResult Get(HttpContext context)
    {
        var userId = context.RouteValue("user_id");
        var user = store.Read(context.WorkspaceId(), workspace =>
            (workspace.FindUser(userId) ?? throw ApiErrors.UserNotFound(userId)).ToBody());
        return Ok(new UserEnvelope(user), WireJsonContext.Relaxed.UserEnvelope);
    }

    /// <summary>Changes the supplied fields; user_id, access_token and any other field are rejected.</summary>
    private async Task<IResult> UpdateAsync(HttpContext context)
    {
        var userId = context.RouteValue("user_id");
        var body = await JsonBody.ReadAsync(context.Request, context.RequestAborted);
        body.RejectUnknownFields(s_updateFields);
        var fields = UserFields.Read(body);

        var user = store.Write(context.WorkspaceId(), workspace =>
        {
            var existing = workspace.FindUser(userId) ?? throw ApiErrors.UserNotFound(userId);
            fields.ApplyTo(existing);
            existing.UpdatedAt = Identifiers.NextUpdateTime(workspace.Clock, existing.UpdatedAt);
            return existing.ToBody();
        });
        return Ok(new UserEnvelope(user), WireJsonContext.Relaxed.UserEnvelope);
    }

    /// <summary>Deletes the user and its memberships in every room, returning the deleted user.</summary>
    private IResult Delete(HttpContext context)
    {
        var userId = context.RouteValue("user_id");
        var user = store.Write(context.WorkspaceId(), workspace =>
        {
            var existing = workspace.FindUser(userId) ?? throw ApiErrors.UserNotFound(userId);
            workspace.DeleteUser(existing);
            return existing.ToBody();
        });
        return Ok(new UserEnvelope(user), WireJsonContext.Relaxed.UserEnvelope);
    }

    /// <summary>The profile fields that both create and update accept; null means "not supplied".</summary>
    private sealed record UserFields(string? Name, string? Nickname, string? ProfileUrl, string? DefaultMemberType)
    {
        public static UserFields Read(JsonBody body) => new(
            body.OptionalString("name"),
            body.OptionalString("nickname"),
            body.OptionalString("profile_url"),
            body.OptionalChoice("default_member_type", MemberTypes));

        public void ApplyTo(UserEntity user)
        {
            user.Name = Name ?? user.Name;
            user.Nickname = Nickname ?? user.Nickname;
            user.ProfileUrl = ProfileUrl ?? user.ProfileUrl;
            user.DefaultMemberType = DefaultMemberType ?? user.DefaultMemberType;
        }
    }
}
