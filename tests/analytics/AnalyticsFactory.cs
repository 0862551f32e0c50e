using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Repitbot.Analytics.Ingestion;
using StackExchange.Redis;

namespace Repitbot.Analytics.Tests;

/// <summary>The analytics service in-process: its own RabbitMQ virtual host, the local PostgreSQL and Redis.</summary>
public sealed class AnalyticsFactory() : MessagingServiceFactory<Program>("analytics")
{
    public EventIngestor Ingestor => Services.GetRequiredService<EventIngestor>();

    public IConnectionMultiplexer Redis => Services.GetRequiredService<IConnectionMultiplexer>();

    /// <summary>The broker address this instance uses (its own virtual host).</summary>
    public string RabbitMqUri => Services.GetRequiredService<IConfiguration>()["RabbitMq:Uri"]!;

    public HttpClient TutorClient(Guid tutorId) => ClientWithToken(Tokens.Tutor(tutorId));

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        builder.UseSetting("Analytics:Metrics:ActiveUsersInterval", "00:00:00.200");
    }
}
