using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>The analytics service in-process on a <see cref="PrivateRedis"/> (and the shared PostgreSQL and RabbitMQ).</summary>
public sealed class PrivateRedisAnalytics : IAsyncLifetime
{
    public PrivateRedis Redis { get; } = new();

    public Host Service { get; private set; } = null!;

    public EventIngestor Ingestor => Service.Services.GetRequiredService<EventIngestor>();

    public async Task InitializeAsync()
    {
        await Redis.StartAsync();
        Service = new Host(Redis.ConnectionString);
        await Service.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)Service).DisposeAsync();
        await Redis.DisposeAsync();
    }

    public sealed class Host(string redis) : ServiceFactory<Program>("analytics")
    {
        protected override void ConfigureTestServices(IWebHostBuilder builder) =>
            builder.UseSetting("ConnectionStrings:Redis", redis);
    }
}
