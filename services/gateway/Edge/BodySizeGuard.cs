using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Model;

namespace Repitbot.Gateway.Edge;

/// <summary>
/// Answers 413 at once when Content-Length already says the body is too large, before authentication
/// and before anything is proxied. A body without a length is cut off by Kestrel at the same limit.
/// </summary>
internal sealed class BodySizeGuard(RequestDelegate next, IOptions<LimitOptions> options)
{
    private readonly long _default = options.Value.MaxRequestBodyBytes;

    public Task InvokeAsync(HttpContext context)
    {
        return context.Request.ContentLength is { } length && length > LimitFor(context.GetEndpoint())
            ? RejectAsync(context)
            : next(context);
    }

    private long LimitFor(Endpoint? endpoint)
    {
        var limit = endpoint?.Metadata.GetMetadata<RouteModel>()?.Config.MaxRequestBodySize
            ?? endpoint?.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize
            ?? _default;
        return limit < 0 ? long.MaxValue : limit; // YARP: -1 disables the limit for that route.
    }

    private static Task RejectAsync(HttpContext context) =>
        ProblemWriter.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "The request body is too large.",
            "body: The request body exceeds the size limit.");
}
