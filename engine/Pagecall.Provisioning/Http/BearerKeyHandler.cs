using System.Net.Http.Headers;

namespace Pagecall.Provisioning.Http;

/// <summary>
/// Sets <c>Authorization: Bearer</c> with the configured API key on every request, and gives the request the
/// attempt counter that <see cref="AttemptLoggingHandler"/> reads.
/// </summary>
internal sealed class BearerKeyHandler(string apiKey) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        AttemptCounter.Attach(request);
        return base.SendAsync(request, cancellationToken);
    }
}

/// <summary>
/// The number of attempts made for one request. The retry strategy sends the same request message again, so a
/// counter stored in its options survives from one attempt to the next.
/// </summary>
internal sealed class AttemptCounter
{
    private static readonly HttpRequestOptionsKey<AttemptCounter> Key = new("Pagecall.AttemptCounter");

    private int _attempts;

    /// <summary>Adds a counter to <paramref name="request"/> unless it has one.</summary>
    public static void Attach(HttpRequestMessage request)
    {
        if (!request.Options.TryGetValue(Key, out _))
        {
            request.Options.Set(Key, new AttemptCounter());
        }
    }

    /// <summary>Counts a new attempt of <paramref name="request"/> and returns its number, starting at 1.</summary>
    public static int Next(HttpRequestMessage request) =>
        request.Options.TryGetValue(Key, out var counter) ? Interlocked.Increment(ref counter._attempts) : 1;
}
