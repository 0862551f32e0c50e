using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>A bare host on the test's virtual host, named like one of the services, for a bus wired by the hosting library.</summary>
public static class BusHost
{
    public static async Task<IHost> StartAsync(string applicationName, string rabbitMqUri, Action<HostApplicationBuilder> configure)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = applicationName,
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Uri"] = rabbitMqUri });
        configure(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
