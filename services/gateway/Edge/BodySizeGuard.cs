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

    private static async Task RejectAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails =
            {
                Status = StatusCodes.Status413PayloadTooLarge,
                Title = "The request body is too large.",
                Detail = "body: The request body exceeds the size limit.",
            },
        });
    }
}
