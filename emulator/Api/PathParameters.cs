using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Pagecall.Emulator.Api;

/// <summary>
/// Reads path parameters such as <c>{user_id}</c> from the raw request target, percent-decoded exactly once.
/// </summary>
/// <remarks>
/// Kestrel decodes the request path before routing but leaves <c>%2F</c> encoded, and it decodes <c>%25</c> to
/// <c>%</c>. The routed value of <c>a%2Fb</c> is therefore the text "a%2Fb", the same as for <c>a%252Fb</c>. Decoding
/// the raw segment once gives "a/b" and "a%2Fb" instead, which is what a client that escapes each segment sent.
/// </remarks>
internal static class PathParameters
{
    /// <summary>Returns the decoded value of the path parameter <paramref name="name"/> of the matched route.</summary>
    /// <exception cref="ApiException">The raw path has a different number of segments than the routed path, which
    /// happens when it contains "." or ".." segments that the server removed.</exception>
    public static string Read(HttpContext context, string name)
    {
        var routed = context.Request.RouteValues[name] as string
            ?? throw new InvalidOperationException($"The route has no '{name}' value.");
        var rawTarget = context.Features.Get<IHttpRequestFeature>()?.RawTarget;
        if (rawTarget is null || !rawTarget.StartsWith('/'))
        {
            // NOTE: Kestrel routes an absolute-form target ("GET http://host/v1/users/a%2Fb") on a path in which %2F
            // is already decoded to '/', so such an id does not reach this route. Other ids keep the routed value.
            return routed;
        }

        var segmentIndex = SegmentIndex(context, name);
        var rawSegments = RawPath(rawTarget).Split('/');
        var routedSegments = context.Request.Path.Value!.Split('/');
        if (rawSegments.Length != routedSegments.Length)
        {
            throw ApiErrors.Invalid(
                name,
                $"The request path '{RawPath(rawTarget)}' contains '.' or '..' segments, which the server removes "
                    + $"before routing, so the '{{{name}}}' segment cannot be found. Send the path without them.");
        }

        // Both paths start with '/', so element 0 of each split is empty and pattern segment i is element i + 1.
        return Uri.UnescapeDataString(rawSegments[segmentIndex + 1]);
    }

    /// <summary>Returns the position of the segment that is exactly <c>{name}</c> in the matched route pattern.</summary>
    private static int SegmentIndex(HttpContext context, string name)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern
            ?? throw new InvalidOperationException("The request did not match a route endpoint.");
        for (var i = 0; i < pattern.PathSegments.Count; i++)
        {
            if (pattern.PathSegments[i].Parts is [RoutePatternParameterPart parameter] && parameter.Name == name)
            {
                return i;
            }
        }

        throw new InvalidOperationException($"The route pattern '{pattern.RawText}' has no '{{{name}}}' segment.");
    }

    /// <summary>Returns the path of an origin-form request target ("/v1/users?limit=1"), without the query.</summary>
    private static string RawPath(string rawTarget)
    {
        var queryStart = rawTarget.IndexOf('?');
        return queryStart < 0 ? rawTarget : rawTarget[..queryStart];
    }
}
