using Repitbot.Gateway.Clients;
using Repitbot.Gateway.Data;
using Repitbot.Gateway.Edge;
using Repitbot.Gateway.Health;
using Repitbot.Gateway.RateLimits;
using Repitbot.Gateway.Routing;
using Repitbot.Gateway.Sessions;
using Repitbot.Gateway.Telegram;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting.Data;
using Repitbot.Hosting.Redis;

namespace Repitbot.Gateway;

public static class GatewayServices
{
    public static WebApplicationBuilder AddGatewayServices(this WebApplicationBuilder builder)
    {
        builder.AddPostgres<GatewayDb>(GatewayDb.Schema);
        builder.AddRedis();
        builder.AddGatewayEdge();
        builder.Services
            .AddGatewayTokens()
            .AddApiClients()
            .AddSessions()
            .AddTelegramLogin()
            .AddGatewayRateLimits()
            .AddGatewayRouting(builder.Configuration)
            .AddServicesHealth();
        return builder;
    }
}
