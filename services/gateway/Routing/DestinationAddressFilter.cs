using System.Text.RegularExpressions;
using Yarp.ReverseProxy.Configuration;

namespace Repitbot.Gateway.Routing;

/// <summary>
/// Replaces a destination address written as <c>{Services:Analytics}</c> with that setting, so the
/// environment variable <c>Services__Analytics</c> decides where the analytics cluster points. Runs on
/// every (re)load of the proxy configuration.
/// </summary>
internal sealed partial class DestinationAddressFilter(IConfiguration configuration) : IProxyConfigFilter
{
    public ValueTask<ClusterConfig> ConfigureClusterAsync(ClusterConfig cluster, CancellationToken cancel)
    {
        if (cluster.Destinations is null)
        {
            return ValueTask.FromResult(cluster);
        }

        var destinations = cluster.Destinations.ToDictionary(
            d => d.Key,
            d => d.Value with { Address = Resolve(d.Value.Address) },
            StringComparer.OrdinalIgnoreCase);
        return ValueTask.FromResult(cluster with { Destinations = destinations });
    }

    public ValueTask<RouteConfig> ConfigureRouteAsync(RouteConfig route, ClusterConfig? cluster, CancellationToken cancel) =>
        ValueTask.FromResult(route);

    // A missing setting leaves the placeholder in place: ServicesOptions names it at start in one line,
    // where an exception here would end the start with a stack trace.
    private string Resolve(string address) =>
        Placeholder().Match(address) is { Success: true } match && configuration[match.Groups["key"].Value] is { Length: > 0 } value
            ? value
            : address;

    [GeneratedRegex("^\\{(?<key>[^{}]+)\\}$")]
    internal static partial Regex Placeholder();
}
