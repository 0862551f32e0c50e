using Yarp.ReverseProxy.Configuration;

namespace Repitbot.Gateway.Routing;

/// <summary>
/// YARP gives a route without an AuthorizationPolicy no authorization metadata, so only the fallback
/// policy applies to it (today: any authenticated user). That would make a route's access depend on a
/// default that lives elsewhere, so every route must say: "default", "anonymous" or a named policy.
/// </summary>
internal sealed class ExplicitPolicyFilter : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel) =>
        ValueTask.FromResult(cluster);

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        string.IsNullOrWhiteSpace(route.AuthorizationPolicy)
            ? throw new InvalidOperationException(
                $"Route '{route.RouteId}' names no AuthorizationPolicy; set \"default\", \"anonymous\" or a policy name.")
            : ValueTask.FromResult(route);
}
