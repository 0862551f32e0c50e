using Microsoft.Extensions.Options;
using Repitbot.BotGateway.Bot;
using Repitbot.Hosting.Configuration;
using Repitbot.Hosting.Telegram;
using Telegram.Bot;

namespace Repitbot.BotGateway.Telegram;

public static class TelegramRegistration
{
    public const string HttpClientName = "telegram";

    /// <summary>The Bot API client, the update pipeline, and webhook registration or long polling as Telegram__Mode says.</summary>
    public static IServiceCollection AddTelegramBot(this IServiceCollection services)
    {
        services.AddValidatedOptions<TelegramOptions>(TelegramOptions.Section);
        services.AddValidatedOptions<ReportJobOptions>("Bot:Reports");
        services.AddHttpClient(HttpClientName);
        services.AddSingleton<ITelegramBotClient>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
            // With the bot off nothing calls Telegram; the placeholder token only satisfies the client's format check.
            var token = options.Mode == TelegramMode.Off ? "0:off" : options.BotToken!;
            return new TelegramBotClient(new TelegramBotClientOptions(token, options.ApiBaseUrl.TrimEnd('/')),
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName));
        });
        services.AddValidatedOptions<TelegramPaceOptions>("TelegramPace");
        services.AddSingleton<TelegramRateLimiter>();
        services.AddSingleton<ChatPace>();
        services.AddSingleton<BotReplies>();
        services.AddSingleton<BotLinks>();
        services.AddSingleton<UpdateProcessor>();
        services.AddSingleton<TelegramPolling>();
        services.AddSingleton<WebhookRegistrar>();
        services.AddHostedService<TelegramTransport>();

        services.AddScoped<UpdateRouter>()
            .AddScoped<BotCommands>()
            .AddScoped<BotButtons>()
            .AddScoped<BotFlows>()
            .AddScoped<BotDirectory>()
            .AddScoped<ConversationStore>()
            .AddScoped<StudentPicker>()
            .AddScoped<PeopleCommands>()
            .AddScoped<LessonCommands>()
            .AddScoped<PaymentCommands>()
            .AddScoped<HomeworkCommands>()
            .AddScoped<MaterialCommands>()
            .AddScoped<AnalyticsCommands>()
            .AddScoped<ReportJobFollower>()
            .AddScoped<NotificationCommands>()
            .AddScoped<LevelCommands>();
        return services;
    }
}
