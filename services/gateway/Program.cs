using Repitbot.Gateway.Cli;
using Repitbot.Gateway.Clients;
using Repitbot.Gateway.Health;
using Repitbot.Gateway.Routing;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;

if (MintTokenCommand.IsInvoked(args))
{
    return MintTokenCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddGatewayTokens();
builder.Services.AddApiClients();
builder.Services.AddGatewayRouting(builder.Configuration);
builder.Services.AddServicesHealth();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapJwks();
app.MapTokenApi();
app.MapServicesHealth();
app.MapGatewayRoutes();

return await app.RunServiceAsync();

public partial class Program;
