using Repitbot.BotGateway.Bot;
using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.Integrations;
using Repitbot.BotGateway.People;
using Repitbot.BotGateway.Telegram;
using Repitbot.BotGateway.UseCases;
using Repitbot.BotGateway.Webhooks;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Messaging;
using Repitbot.Hosting.Outbox;
using Repitbot.Hosting.Redis;

namespace Repitbot.BotGateway;

public static class BotGatewayServices
{
    public static WebApplicationBuilder AddBotGatewayServices(this WebApplicationBuilder builder)
    {
        Texts.Validate();
        builder.AddPostgres<BotGatewayDb>(BotGatewayDb.Schema);
        // The bot gateway publishes only: no consumers, and everything it publishes goes via the outbox.
        builder.AddMessageBus();
        builder.Services.AddOutboxRelay<BotGatewayDb>();
        // The Telegram limiter's slots, shared with notification so that both keep one chat's pace together.
        builder.AddRedis();
        // The validation source generator sees only the endpoints of the project that calls AddValidation.
        builder.Services.AddValidation();
        builder.Services.AddUseCases();
        builder.Services.AddPeople();
        builder.Services.AddWebhookIntake();
        builder.Services.AddServiceClients();
        builder.Services.AddTelegramBot();
        return builder;
    }
}
