namespace Repitbot.Gateway.Edge;

/// <summary>
/// Headers that make a browser treat every answer as data, never as a page to frame or sniff. Set when
/// the response starts, so they also replace whatever a service sent, and the servers' names go.
/// </summary>
internal sealed class SecurityHeaders(RequestDelegate next)
{
    private static readonly Func<object, Task> Apply = state =>
    {
        var context = (HttpContext)state;
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        // The docs page runs scripts; everything else the gateway serves is data.
        if (!context.Request.Path.StartsWithSegments("/docs"))
        {
            headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
        }

        if (context.Request.IsHttps)
        {
            headers.StrictTransportSecurity = "max-age=31536000; includeSubDomains";
        }

        headers.Remove("Server");
        headers.Remove("X-Powered-By");
        return Task.CompletedTask;
    };

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(Apply, context);
        return next(context);
    }
}
