using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Ingestion.Queues;
using Repitbot.Contracts;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>
/// The analytics service in-process: its own RabbitMQ virtual host, the local PostgreSQL and Redis, and a
/// publisher wired like the bot gateway's.
/// </summary>
public sealed class AnalyticsFactory() : ServiceFactory<Program>("analytics")
{
    private readonly SemaphoreSlim _publisherStart = new(1, 1); // not disposed: it never allocates a wait handle
    private readonly ConcurrentDictionary<Guid, int> _published = new();
    private EventPublisher? _publisher;

    public EventIngestor Ingestor => Services.GetRequiredService<EventIngestor>();

    public NpgsqlDataSource Database => Services.GetRequiredService<NpgsqlDataSource>();

    public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

    public HandledEvents Handled => Services.GetRequiredService<HandledEvents>();

    /// <summary>The broker address this instance uses (its own virtual host).</summary>
    public string RabbitMqUri => Services.GetRequiredService<IConfiguration>()["RabbitMq:Uri"]!;

    public HttpClient TutorClient(Guid tutorId) => ClientWithToken(Tokens.Tutor(tutorId));

    /// <summary>Publishes <paramref name="message"/> to its event's exchange, as the bot gateway does.</summary>
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        var publisher = await PublisherAsync();
        if (message is IDomainEvent e)
        {
            _published.AddOrUpdate(e.EventId, 1, (_, count) => count + 1);
        }

        await publisher.Bus.Publish(message);
    }

    /// <summary>Publishes another copy of <paramref name="message"/> and waits until the service has finished with every copy so far.</summary>
    public async Task RedeliverAsync<T>(T message)
        where T : class, IDomainEvent
    {
        await PublishAsync(message);
        var copies = _published[message.EventId];
        Assert.True(await Eventually.Async(() => Task.FromResult(Handled.Copies(message.EventId) >= copies)),
            $"The service did not finish the redelivered {typeof(T).Name} within {Eventually.Timeout}.");
    }

    public override async ValueTask DisposeAsync()
    {
        // WebApplicationFactory may call this again from Dispose.
        if (Interlocked.Exchange(ref _publisher, null) is { } publisher)
        {
            await publisher.DisposeAsync();
        }

        await base.DisposeAsync();
    }

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        builder.UseSetting("Analytics:Metrics:ActiveUsersInterval", "00:00:00.200");
        // A loss is noticed within a fifth of a second, well inside any stream a test ingests meanwhile.
        builder.UseSetting("Analytics:Recovery:CheckInterval", "00:00:00.200");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<HandledEvents>();
            services.AddSingleton<IBatchObserver>(sp => sp.GetRequiredService<HandledEvents>());
        });
    }

    private async Task<EventPublisher> PublisherAsync()
    {
        await _publisherStart.WaitAsync();
        try
        {
            return _publisher ??= await EventPublisher.StartAsync(RabbitMqUri);
        }
        finally
        {
            _publisherStart.Release();
        }
    }
}
