using System.Text.Json.Serialization.Metadata;
using Pagecall.Emulator.State;

namespace Pagecall.Emulator.Api;

/// <summary>Maps the /v1 routes and provides what every handler needs.</summary>
internal static class ApiRouting
{
    public const string WorkspaceItemKey = "Pagecall.Emulator.WorkspaceId";

    public static readonly string[] MemberTypes = ["guest", "host", "monitor"];
    public static readonly string[] RoomTypes = ["open", "public", "private"];

    public static void MapPagecallApi(this IEndpointRouteBuilder endpoints, EmulatorStore store)
    {
        var v1 = endpoints.MapGroup("/v1");
        new UsersApi(store).Map(v1);
        new RoomsApi(store).Map(v1);
        new MembersApi(store).Map(v1);
        new SessionsApi(store).Map(v1);
    }

    /// <summary>Returns the id of the workspace that the request's API key selected.</summary>
    public static string WorkspaceId(this HttpContext context) =>
        context.Items[WorkspaceItemKey] as string
        ?? throw new InvalidOperationException("The API key middleware did not run before this handler.");

    /// <summary>
    /// Returns the path parameter <paramref name="name"/>, percent-decoded exactly once from the raw request target,
    /// so <c>a%2Fb</c> is "a/b" and <c>a%252Fb</c> is "a%2Fb".
    /// </summary>
    public static string RouteValue(this HttpContext context, string name) => PathParameters.Read(context, name);

    /// <summary>Adapts a handler that returns a result to a request delegate.</summary>
    public static RequestDelegate Handle(Func<HttpContext, Task<IResult>> handler) =>
        async context => await (await handler(context)).ExecuteAsync(context);

    public static RequestDelegate Handle(Func<HttpContext, IResult> handler) =>
        context => handler(context).ExecuteAsync(context);

    public static IResult Ok<T>(T body, JsonTypeInfo<T> typeInfo) => TypedResults.Json(body, typeInfo);
}
