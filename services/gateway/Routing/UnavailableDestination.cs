using Microsoft.AspNetCore.Http.Timeouts;
using Repitbot.Hosting.Errors;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace Repitbot.Gateway.Routing;

/// <summary>
/// YARP answers a service that refuses the connection, does not answer in time or has no healthy
/// instance with an empty 502, 504 or 503. A client can do nothing with those; it gets what every
/// service answers when its own dependency is down: 503, <c>Retry-After</c> and problem details naming
/// the service (the cluster id: notification, analytics, bot-gateway).
/// </summary>
internal static class UnavailableDestination
{
    public static async Task AnswerAsync(HttpContext context, RequestDelegate next)
    {
        await next(context);
        if (context.Response.HasStarted || context.GetForwarderErrorFeature() is not { } failure || !IsOutage(context, failure.Error))
        {
            return;
        }

        var service = context.Features.Get<IReverseProxyFeature>()?.Route.Cluster?.ClusterId ?? "A service";
        await DependencyUnavailableResponse.WriteAsync(context, service);
    }

    // Errors of the client (it went away, sent a broken body) or of a response already under way are not outages.
    // The route's Timeout cancels the request the way a client that leaves does, and YARP answered that with
    // a 400, as if the client had erred: the timeout feature tells the two apart.
    private static bool IsOutage(HttpContext context, ForwarderError error) =>
        error is ForwarderError.Request or ForwarderError.RequestTimedOut or ForwarderError.NoAvailableDestinations
            or ForwarderError.RequestBodyDestination
        || (error is ForwarderError.RequestCanceled
            && context.Features.Get<IHttpRequestTimeoutFeature>()?.RequestTimeoutToken.IsCancellationRequested == true);
}
