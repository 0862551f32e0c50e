using Repitbot.Hosting.Configuration;

namespace Repitbot.BotGateway.Webhooks;

public static class WebhookRegistration
{
    public static IServiceCollection AddWebhookIntake(this IServiceCollection services)
    {
        services.AddValidatedOptions<WebhookOptions>(WebhookOptions.Section);
        services.AddSingleton<WebhookProcessor>();
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooks(this IEndpointRouteBuilder app) =>
        app.MapWebhookInboxApi().MapWebhooksApi();
}
