using Repitbot.Hosting.Configuration;

namespace Repitbot.BotGateway.Integrations;

public static class IntegrationRegistration
{
    public static IServiceCollection AddServiceClients(this IServiceCollection services)
    {
        services.AddValidatedOptions<ServiceUrls>("Services");
        services.AddValidatedOptions<ServiceAuthOptions>("Auth");
        services.AddHttpClient(ServiceTokens.HttpClientName, c => c.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<ServiceTokens>();
        // A full report may take a while; charts and quick reports aim at seconds.
        services.AddHttpClient<AnalyticsClient>(c => c.Timeout = TimeSpan.FromSeconds(60));
        services.AddHttpClient<NotificationClient>(c => c.Timeout = TimeSpan.FromSeconds(10));
        return services;
    }
}
