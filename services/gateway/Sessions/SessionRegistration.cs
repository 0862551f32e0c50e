namespace Repitbot.Gateway.Sessions;

public static class SessionRegistration
{
    public static IServiceCollection AddSessions(this IServiceCollection services) => services.AddScoped<RefreshTokens>();
}
