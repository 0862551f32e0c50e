using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Clients;

public static class ClientRegistration
{
    public static IServiceCollection AddApiClients(this IServiceCollection services)
    {
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddScoped<ApiClientVerifier>();
        return services;
    }
}
