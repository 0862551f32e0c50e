using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repitbot.Analytics.Ingestion;
using Repitbot.TestSupport;

namespace Repitbot.Analytics.Tests;

/// <summary>The analytics service in-process: its own RabbitMQ virtual host, the local PostgreSQL and Redis.</summary>
public sealed class AnalyticsFactory() : ServiceFactory<Program>("analytics")
{
    public IBus Bus => Services.GetRequiredService<IBus>();

    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public EventIngestor Ingestor => Services.GetRequiredService<EventIngestor>();

    public ReceivedMessages Received => Services.GetRequiredService<ReceivedMessages>();

    /// <summary>The broker address this instance uses (its own virtual host).</summary>
    public string RabbitMqUri => Services.GetRequiredService<IConfiguration>()["RabbitMq:Uri"]!;

    public HttpClient TutorClient(Guid tutorId) => ClientWithToken(Tokens.Tutor(tutorId));

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
