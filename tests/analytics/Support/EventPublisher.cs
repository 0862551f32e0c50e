using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Repitbot.Hosting.Messaging;

namespace Repitbot.Analytics.Tests.Support;

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
        var host = await BusHost.StartAsync("Repitbot.BotGateway", rabbitMqUri, builder => builder.AddMessageBus());
        return new EventPublisher(host);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}
