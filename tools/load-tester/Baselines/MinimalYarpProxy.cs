using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Yarp.ReverseProxy.Configuration;

namespace Repitbot.LoadTester.Baselines;

/// <summary>
/// YARP with nothing else: one catch-all route to one backend, no authentication, rate limits, metrics or
/// headers. What the gateway's proxy library costs on this machine, so the gateway's figure can be read as
/// its own middleware's share of the gap to nginx and the library's share.
/// </summary>
public static class MinimalYarpProxy
{
    public static async Task<int> RunAsync(int port, string backend, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "all", ClusterId = "backend", Match = new RouteMatch { Path = "/{**path}" } }],
            [new ClusterConfig
            {
                ClusterId = "backend",
                Destinations = new Dictionary<string, DestinationConfig>(StringComparer.Ordinal)
                {
                    ["only"] = new() { Address = backend },
                },
            }]);
        var app = builder.Build();
        app.MapReverseProxy();
        await Console.Error.WriteLineAsync($"minimal YARP on http://127.0.0.1:{port}/ → {backend} (Ctrl-C stops it)");
        await app.RunAsync(cancellationToken);
        return 0;
    }
}
