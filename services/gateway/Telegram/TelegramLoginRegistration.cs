using Microsoft.Extensions.Options;
using Repitbot.Hosting.Configuration;

namespace Repitbot.Gateway.Telegram;

public static class TelegramLoginRegistration
{
    public static IServiceCollection AddTelegramLogin(this IServiceCollection services)
    {
        services.AddValidatedOptions<TelegramLoginOptions>(TelegramLoginOptions.Section);
        services.AddHttpClient<ITelegramUserDirectory, BotGatewayUserDirectory>((sp, http) =>
            http.Timeout = sp.GetRequiredService<IOptions<TelegramLoginOptions>>().Value.DirectoryTimeout);
        return services;
    }
}
