namespace Pagecall.Samples.Tutoring;

/// <summary>Maps the HTTP endpoints of the tutoring app onto <see cref="TutoringService"/>.</summary>
public static class TutoringEndpoints
{
    /// <summary>Maps <c>POST /users</c>, <c>POST /rooms</c> and <c>GET /rooms/{roomId}/invite/{userId}</c>.</summary>
    /// <param name="app">The route builder.</param>
    /// <returns>The same route builder.</returns>
    /// <remarks>
    /// The handlers take <see cref="TutoringService"/> instead of the generated client, because the minimal API
    /// source generator runs beside the Pagecall generator and cannot see the types that it generates.
    /// </remarks>
    public static IEndpointRouteBuilder MapTutoringEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost(
            "/users",
            (RegisterUserBody body, TutoringService tutoring, CancellationToken cancellationToken) =>
                tutoring.RegisterUserAsync(body, cancellationToken));
        app.MapPost(
            "/rooms",
            (CreateTutoringRoomBody body, TutoringService tutoring, CancellationToken cancellationToken) =>
                tutoring.CreateRoomAsync(body, cancellationToken));
        app.MapGet(
            "/rooms/{roomId}/invite/{userId}",
            (string roomId, string userId, HttpResponse response, TutoringService tutoring, CancellationToken cancellationToken) =>
                tutoring.InviteAsync(roomId, userId, response, cancellationToken));
        return app;
    }
}
