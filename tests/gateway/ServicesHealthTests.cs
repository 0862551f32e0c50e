using System.Net;
using System.Text.Json;
using Repitbot.Gateway.Tests.Support;

namespace Repitbot.Gateway.Tests;

public sealed class ServicesHealthTests
{
    [Fact]
    public async Task All_services_ready_is_200_naming_each()
    {
        await using var gateway = await GatewayHost.StartAsync();

        var response = await gateway.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = body.RootElement.GetProperty("services");
        foreach (var name in new[] { "notification", "analytics", "bot-gateway" })
        {
            Assert.Equal("Healthy", services.GetProperty(name).GetProperty("status").GetString());
        }
    }

    [Fact]
    public async Task One_service_down_is_503_Degraded_naming_it()
    {
        await using var gateway = await GatewayHost.StartAsync(unreachable: ["Analytics"]);

        var response = await gateway.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var services = body.RootElement.GetProperty("services");
        Assert.Equal("Degraded", body.RootElement.GetProperty("status").GetString());
        Assert.Equal(["analytics"], body.RootElement.GetProperty("degraded").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Unhealthy", services.GetProperty("analytics").GetProperty("status").GetString());
        Assert.Equal("Healthy", services.GetProperty("notification").GetProperty("status").GetString());
    }
}
