using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace Repitbot.TestSupport;

/// <summary>
/// A service that consumes from the bus, in-process: tests publish to its virtual host, wait for it to
/// finish a message, and read its database directly.
/// </summary>
public class MessagingServiceFactory<TProgram>(string service) : ServiceFactory<TProgram>(service)
    where TProgram : class
{
    public IBus Bus => Services.GetRequiredService<IBus>();

    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public ReceivedMessages Received => Services.GetRequiredService<ReceivedMessages>();

    /// <summary>Publishes <paramref name="message"/> under a message id of the test's choosing.</summary>
    public async Task<Guid> PublishAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await Bus.Publish(message, context => context.MessageId = messageId);
        return messageId;
    }

    /// <summary>Publishes a copy of <paramref name="message"/> (same event id, new message id) and waits until the service is done with it.</summary>
    public async Task RedeliverAsync<T>(T message)
        where T : class
    {
        var messageId = await PublishAsync(message);
        Assert.True(await Eventually.Async(() => Task.FromResult(Received.HasFinished(messageId))),
            $"The service did not finish the redelivered {typeof(T).Name} within {Eventually.Timeout}.");
    }

    protected override void ConfigureTestServices(IWebHostBuilder builder) => builder.ConfigureServices(services =>
    {
        services.AddSingleton<ReceivedMessages>();
        services.AddReceiveObserver(sp => sp.GetRequiredService<ReceivedMessages>());
    });
}
