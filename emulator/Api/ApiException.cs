namespace Pagecall.Emulator.Api;

/// <summary>
/// An error response: the middleware that catches it writes
/// <c>{"status", "code", "message", "field"}</c> with the given status.
/// </summary>
internal sealed class ApiException(int status, string code, string message, string? field = null)
    : Exception(message)
{
    public int Status { get; } = status;

    public string Code { get; } = code;

    public string? Field { get; } = field;
}

/// <summary>The emulator's error responses, one factory per kind, so their wording lives in one place.</summary>
internal static class ApiErrors
{
    public const string InvalidRequestCode = "invalid_request";
    public const string NotFoundCode = "not_found";
    public const string RouteNotFoundCode = "route_not_found";

    public static ApiException Unauthorized(bool headerPresent) => new(
        StatusCodes.Status401Unauthorized,
        "unauthorized",
        headerPresent
            ? "The API key is not known to this emulator. Send one of the keys it was started with."
            : "The Authorization header is missing. Send 'Authorization: Bearer <API key>'.");

    public static ApiException Invalid(string field, string message) =>
        new(StatusCodes.Status400BadRequest, InvalidRequestCode, message, field);

    public static ApiException MalformedBody(string reason) => new(
        StatusCodes.Status400BadRequest,
        InvalidRequestCode,
        $"The request body is not a valid JSON object: {reason}");

    public static ApiException UnknownField(string field) =>
        Invalid(field, $"The field '{field}' is not accepted here. Remove it from the request.");

    public static ApiException WrongType(string field, string expected) =>
        Invalid(field, $"The field '{field}' must be {expected}.");

    public static ApiException Missing(string field) =>
        Invalid(field, $"The field '{field}' is required.");

    public static ApiException NotOneOf(string field, string value, IReadOnlyList<string> allowed) =>
        Invalid(field, $"The value '{value}' of '{field}' is not one of: {string.Join(", ", allowed)}.");

    public static ApiException RoomTerminated(string roomId) =>
        Invalid("room_id", $"The room '{roomId}' is terminated, so its members cannot change.");

    public static ApiException UserNotFound(string userId) =>
        NotFound("user_id", $"No user with user_id '{userId}' exists in this workspace.");

    public static ApiException RoomNotFound(string field, string roomId) =>
        NotFound(field, $"No room with id '{roomId}' exists in this workspace.");

    public static ApiException MemberNotFound(string roomId, string memberId) =>
        NotFound("member_id", $"The room '{roomId}' has no member with id or user_id '{memberId}'.");

    public static ApiException RouteNotFound(string method, string path) => new(
        StatusCodes.Status404NotFound,
        RouteNotFoundCode,
        $"The emulator serves no route '{method} {path}'. See specs/pagecall.v1.yaml for the served paths.");

    public static ApiException MethodNotAllowed(string method, string path) => new(
        StatusCodes.Status405MethodNotAllowed,
        "method_not_allowed",
        $"The route '{path}' does not accept {method}.");

    private static ApiException NotFound(string field, string message) =>
        new(StatusCodes.Status404NotFound, NotFoundCode, message, field);
}
