using Microsoft.Extensions.Configuration;

namespace Repitbot.Gateway.Tests.Support;

/// <summary>The routes of the gateway's real appsettings.json, each with a path that matches it.</summary>
public static class ConfiguredRoutes
{
    public static readonly IConfigurationRoot Settings = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"), optional: false)
        .Build();

    public static IReadOnlyList<ConfiguredRoute> All { get; } = Settings.GetSection("ReverseProxy:Routes").GetChildren()
        .Select(r => new ConfiguredRoute(r.Key, r["Match:Path"]!.Replace("{**rest}", "x", StringComparison.Ordinal),
            r["AuthorizationPolicy"]!, r["ClusterId"]!))
        .ToList();

    public static IEnumerable<ConfiguredRoute> WithPolicy(params string[] policies) => All.Where(r => policies.Contains(r.Policy));
}

public sealed record ConfiguredRoute(string Id, string SamplePath, string Policy, string Cluster);
