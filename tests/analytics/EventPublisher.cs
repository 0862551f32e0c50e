using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repitbot.Hosting.Messaging;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// Publishes events the way the bot gateway does: a MassTransit bus wired by the shared hosting library,
/// on the test's virtual host. Analytics reads them with its own RabbitMQ.Client consumers.
/// </summary>
public sealed class EventPublisher : IAsyncDisposable
{
    private readonly IHost _host;

    private EventPublisher(IHost host) => _host = host;

    public IBus Bus => _host.Services.GetRequiredService<IBus>();

    public static async Task<EventPublisher> StartAsync(string rabbitMqUri)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Repitbot.BotGateway",
            DisableDefaults = true,
        });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["RabbitMq:Uri"] = rabbitMqUri });
        builder.AddMessageBus();
        var host = builder.Build();
        await host.StartAsync();
        return new EventPublisher(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
