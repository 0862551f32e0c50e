using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client.Exceptions;
using Repitbot.Contracts;

namespace Repitbot.LoadTester.Support;

/// <summary>
/// A MassTransit bus that only publishes, configured like the services' (JSON enums as strings,
/// no marker-interface exchanges), so what it publishes is exactly what the bot gateway's relay would.
/// </summary>
public sealed class BusPublisher : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly IBusControl _bus;

    private BusPublisher(ServiceProvider provider)
    {
        _provider = provider;
        _bus = provider.GetRequiredService<IBusControl>();
    }

    public IPublishEndpoint Endpoint => _bus;

    public static async Task<BusPublisher> StartAsync(string amqpUri, CancellationToken cancellationToken)
    {
        var uri = new Uri(amqpUri);
        await ProbeAsync(uri, cancellationToken);
        var services = new ServiceCollection();
        services.AddMassTransit(bus =>
        {
            bus.ConfigureUsageTelemetryOptions(o => o.Enabled = false);
            bus.UsingRabbitMq((_, rabbit) =>
            {
                var credentials = Uri.UnescapeDataString(uri.UserInfo).Split(':', 2);
                var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/')) is { Length: > 0 } v ? v : "/";
                rabbit.Host(uri.Host, (ushort)(uri.Port > 0 ? uri.Port : 5672), vhost, h =>
                {
                    h.Username(credentials[0]);
                    h.Password(credentials.Length > 1 ? credentials[1] : "");
                });
                rabbit.ConfigureJsonSerializerOptions(WireFormat.Apply);
                rabbit.Publish<IDomainEvent>(p => p.Exclude = true);
            });
        });
        var publisher = new BusPublisher(services.BuildServiceProvider());
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(15));
            await publisher._bus.StartAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is RabbitMqConnectionException or BrokerUnreachableException or OperationCanceledException)
        {
            await publisher.DisposeAsync();
            throw new TargetUnreachableException("RabbitMQ", $"{uri.Host}:{uri.Port}{uri.AbsolutePath}", ex.GetBaseException().Message);
        }

        return publisher;
    }

    /// <summary>A refused connection fails at once, instead of after MassTransit's own connection retries.</summary>
    private static async Task ProbeAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(5));
        try
        {
            await tcp.ConnectAsync(uri.Host, uri.Port > 0 ? uri.Port : 5672, timeout.Token);
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or OperationCanceledException)
        {
            throw new TargetUnreachableException("RabbitMQ", $"{uri.Host}:{uri.Port}{uri.AbsolutePath}",
                ex is System.Net.Sockets.SocketException socket ? socket.Message : "no answer within 5 s");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _bus.StopAsync(CancellationToken.None);
        await _provider.DisposeAsync();
    }
}
