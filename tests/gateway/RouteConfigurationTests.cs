using Microsoft.Extensions.Configuration;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>Reads the gateway's real appsettings.json: the most common gateway mistake is a route that points nowhere.</summary>
public sealed class RouteConfigurationTests
{
    // "default" (any authenticated caller) is not among them: every route says which roles it serves.
    private static readonly string[] KnownPolicies = ["anonymous", Policies.Admin, Policies.TutorData, Policies.AnyUser];

    private static readonly IConfigurationRoot Settings = new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "gateway.appsettings.json"), optional: false)
        .Build();

    private static IEnumerable<IConfigurationSection> Routes => Settings.GetSection("ReverseProxy:Routes").GetChildren();

    private static IEnumerable<IConfigurationSection> Clusters => Settings.GetSection("ReverseProxy:Clusters").GetChildren();

    [Fact]
    public void Every_route_names_a_known_policy_an_existing_cluster_and_a_timeout()
    {
        var clusters = Clusters.Select(c => c.Key).ToHashSet();
        Assert.NotEmpty(Routes);
        foreach (var route in Routes)
        {
            Assert.True(KnownPolicies.Contains(route["AuthorizationPolicy"]), $"route '{route.Key}' policy '{route["AuthorizationPolicy"]}'");
            Assert.True(clusters.Contains(route["ClusterId"]!), $"route '{route.Key}' cluster '{route["ClusterId"]}'");
            Assert.True(TimeSpan.TryParse(route["Timeout"], out var timeout) && timeout > TimeSpan.Zero, $"route '{route.Key}' timeout");
        }
    }

    [Fact]
    public void Every_cluster_has_a_destination_whose_address_resolves_to_an_absolute_url()
    {
        Assert.Equal(["analytics", "bot-gateway", "notification"], Clusters.Select(c => c.Key).Order());
        foreach (var cluster in Clusters)
        {
            var destinations = cluster.GetSection("Destinations").GetChildren().ToList();
            Assert.NotEmpty(destinations);
            foreach (var destination in destinations)
            {
                var address = destination["Address"]!;
                var placeholder = Routing.DestinationAddressFilter.Placeholder().Match(address);
                var resolved = placeholder.Success ? Settings[placeholder.Groups["key"].Value] : address;
                Assert.True(Uri.TryCreate(resolved, UriKind.Absolute, out _), $"cluster '{cluster.Key}' address '{address}' → '{resolved}'");
            }
        }
    }

    [Theory]
    [InlineData("/api/v1/notifications/{**rest}", "notification", "any-user")]
    [InlineData("/api/v1/templates/{**rest}", "notification", "tutor-data")]
    [InlineData("/api/v1/preferences/{**rest}", "notification", "any-user")]
    [InlineData("/api/v1/dashboard/{**rest}", "analytics", "tutor-data")]
    [InlineData("/api/v1/analytics/{**rest}", "analytics", "tutor-data")]
    [InlineData("/api/v1/charts/{**rest}", "analytics", "tutor-data")]
    [InlineData("/api/v1/reports/{**rest}", "analytics", "tutor-data")]
    [InlineData("/api/v1/export/{**rest}", "analytics", "tutor-data")]
    [InlineData("/api/v1/import/{**rest}", "analytics", "admin")]
    [InlineData("/api/v1/admin/{**rest}", "analytics", "admin")]
    [InlineData("/api/v1/invites/{**rest}", "bot-gateway", "tutor-data")]
    [InlineData("/api/v1/profile/{**rest}", "bot-gateway", "any-user")]
    [InlineData("/api/v1/students/{**rest}", "bot-gateway", "tutor-data")]
    [InlineData("/api/v1/students/{studentId}/level/{**rest}", "bot-gateway", "any-user")]
    [InlineData("/api/v1/level-scale/{**rest}", "bot-gateway", "tutor-data")]
    [InlineData("/telegram/webhook", "bot-gateway", "anonymous")]
    [InlineData("/api/v1/events/{**rest}", "bot-gateway", "tutor-data")]
    [InlineData("/api/v1/webhooks/{**rest}", "bot-gateway", "anonymous")]
    public void Path_goes_to_its_service_with_its_policy(string path, string cluster, string policy)
    {
        var route = Assert.Single(Routes, r => r["Match:Path"] == path);
        Assert.Equal(cluster, route["ClusterId"]);
        Assert.Equal(policy, route["AuthorizationPolicy"]);
    }
}
