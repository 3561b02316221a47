using Microsoft.AspNetCore.WebUtilities;
using Pagecall.Api;

namespace Pagecall.Samples.Tutoring;

/// <summary>
/// The three steps of a one-on-one tutoring service over the generated Pagecall client: register users, create
/// a private room for a host and a guest, and send a user to the room's invite link.
/// </summary>
/// <param name="pagecall">The generated client, registered by <c>AddPagecallClient</c>.</param>
/// <param name="settings">The meet base address of the invite links.</param>
/// <param name="logger">Logs each step with user and room ids, never access tokens.</param>
public sealed partial class TutoringService(IPagecallClient pagecall, PagecallSettings settings, ILogger<TutoringService> logger)
{
    private readonly IPagecallClient _pagecall = pagecall;
    private readonly PagecallSettings _settings = settings;
    private readonly ILogger _logger = logger;

    /// <summary>Registers a user, or updates the user when Pagecall has the user_id already.</summary>
    public async Task<IResult> RegisterUserAsync(RegisterUserBody body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.UserId))
        {
            return Invalid("user_id", "The user_id field is missing. Send the id your service assigns to the user.");
        }

        var request = new CreateUserRequest { UserId = body.UserId, Name = body.Name, ProfileUrl = body.ProfileUrl };
        try
        {
            var response = await _pagecall.CreateUserAsync(request, cancellationToken);
            LogUserRegistered(_logger, response.User.UserId);
            return TypedResults.Ok(new RegisteredUser(response.User.UserId, response.User.Name));
        }
        catch (PagecallClientApiException exception)
        {
            return PagecallFailed("create user", exception);
        }
        catch (HttpRequestException exception)
        {
            return PagecallUnreachable("create user", exception);
        }
    }

    /// <summary>Creates a private room whose only members are the host and the guest.</summary>
    public async Task<IResult> CreateRoomAsync(CreateTutoringRoomBody body, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.HostUserId))
        {
            return Invalid("host_user_id", "The host_user_id field is missing. Send the user_id of a registered user.");
        }

        if (string.IsNullOrWhiteSpace(body.GuestUserId))
        {
            return Invalid("guest_user_id", "The guest_user_id field is missing. Send the user_id of a registered user.");
        }

        if (string.Equals(body.HostUserId, body.GuestUserId, StringComparison.Ordinal))
        {
            return Invalid("guest_user_id", $"The host and the guest are both '{body.HostUserId}'. Send two different users.");
        }

        var name = string.IsNullOrWhiteSpace(body.Name) ? $"One-on-One: {body.HostUserId} & {body.GuestUserId}" : body.Name;
        var request = new CreateRoomRequest
        {
            Name = name,
            Type = RoomType.Private,
            Members =
            [
                new RoomMemberInput { UserId = body.HostUserId, Type = MemberType.Host },
                new RoomMemberInput { UserId = body.GuestUserId, Type = MemberType.Guest },
            ],
        };

        try
        {
            var response = await _pagecall.CreateRoomAsync(request, cancellationToken);
            LogRoomCreated(_logger, response.Room.Id, body.HostUserId, body.GuestUserId);
            return TypedResults.Ok(new TutoringRoom(response.Room.Id, response.Room.Name, body.HostUserId, body.GuestUserId));
        }
        catch (PagecallClientApiException exception)
        {
            return PagecallFailed("create room", exception);
        }
        catch (HttpRequestException exception)
        {
            return PagecallUnreachable("create room", exception);
        }
    }

    /// <summary>
    /// Redirects to the user's invite link. Pagecall decides at the join page whether the user may enter, so the
    /// app does not check the room's members here.
    /// </summary>
    public async Task<IResult> InviteAsync(
        string roomId, string userId, HttpResponse httpResponse, CancellationToken cancellationToken)
    {
        string? accessToken;
        try
        {
            var response = await _pagecall.GetUserAsync(userId, cancellationToken);
            accessToken = response.User.AccessToken;
        }
        catch (PagecallClientApiException exception)
        {
            return PagecallFailed("get user", exception);
        }
        catch (HttpRequestException exception)
        {
            return PagecallUnreachable("get user", exception);
        }

        if (string.IsNullOrEmpty(accessToken))
        {
            LogAccessTokenMissing(_logger, userId);
            return TypedResults.Problem(
                detail: $"Pagecall returned user '{userId}' without an access token.",
                statusCode: StatusCodes.Status502BadGateway);
        }

        var inviteLink = QueryHelpers.AddQueryString(
            _settings.MeetBaseAddress.AbsoluteUri,
            [new KeyValuePair<string, string?>("room_id", roomId), new KeyValuePair<string, string?>("access_token", accessToken)]);

        // The link contains the user's access token, so no cache may store the redirect. The Location header is
        // set here because ASP.NET Core's RedirectResult logs the whole target address at Information level.
        httpResponse.Headers.CacheControl = "no-store";
        httpResponse.Headers.Location = inviteLink;
        LogInviteSent(_logger, roomId, userId);
        return TypedResults.StatusCode(StatusCodes.Status302Found);
    }

    private static IResult Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Converts a Pagecall error to a problem response. 400 and 404 keep their status, and any other becomes 502.</summary>
    private IResult PagecallFailed(string operation, PagecallClientApiException exception)
    {
        LogPagecallFailed(_logger, operation, exception.StatusCode, exception.RequestId, exception);
        var message = (exception.Error as Error)?.Message;
        return exception.StatusCode switch
        {
            StatusCodes.Status400BadRequest or StatusCodes.Status404NotFound => TypedResults.Problem(
                detail: message ?? exception.Message, statusCode: exception.StatusCode),
            _ => TypedResults.Problem(
                detail: $"Pagecall failed to {operation} with status {exception.StatusCode}.",
                statusCode: StatusCodes.Status502BadGateway),
        };
    }

    private IResult PagecallUnreachable(string operation, HttpRequestException exception)
    {
        LogPagecallUnreachable(_logger, operation, exception);
        return TypedResults.Problem(
            detail: $"Failed to {operation} because Pagecall is unreachable. Check Pagecall:ApiBaseAddress and the network.", statusCode: StatusCodes.Status502BadGateway);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Registered user {UserId}")]
    private static partial void LogUserRegistered(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Created private room {RoomId} with host {HostUserId} and guest {GuestUserId}")]
    private static partial void LogRoomCreated(ILogger logger, string roomId, string hostUserId, string guestUserId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Redirected user {UserId} to the invite link of room {RoomId}")]
    private static partial void LogInviteSent(ILogger logger, string roomId, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pagecall returned user {UserId} without an access token")]
    private static partial void LogAccessTokenMissing(ILogger logger, string userId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pagecall failed to {Operation} with status {StatusCode} (request {RequestId})")]
    private static partial void LogPagecallFailed(ILogger logger, string operation, int statusCode, string? requestId, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to {Operation} because Pagecall is unreachable")]
    private static partial void LogPagecallUnreachable(ILogger logger, string operation, Exception exception);
}
