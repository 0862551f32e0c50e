using Repitbot.Gateway;
using Repitbot.Gateway.Cli;
using Repitbot.Gateway.Edge;
using Repitbot.Gateway.Health;
using Repitbot.Gateway.RateLimits;
using Repitbot.Gateway.Routing;
using Repitbot.Gateway.Tokens;
using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;

if (GatewayCli.IsInvoked(args))
{
    return await GatewayCli.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddGatewayServices();

var app = builder.Build();
app.ExitIfCommandOrInvalidSettings();
app.UseGatewayEdge();
app.UseDefaultMiddleware();
app.MapDefaultEndpoints();
app.UseAuthAddressLimit();
app.MapJwks();
app.MapAuthApi();
app.MapServicesHealth();
app.MapGatewayRoutes();

return await app.RunServiceAsync();

public partial class Program;
