using Microsoft.AspNetCore.Hosting;
using Repitbot.BotGateway.Tests.Support;
using Repitbot.TestSupport.Faults;

namespace Repitbot.BotGateway.Tests.Outage;

/// <summary>The bot gateway as the other tests have it, with PostgreSQL reached through a proxy a test can cut.</summary>
public sealed class OutageBotGatewayFactory : BotGatewayFactory
{
    public FaultyDependencies Dependencies { get; } = FaultyDependencies.Start("bot-gateway");

    public override async ValueTask DisposeAsync()
    {
        // The base removes this host's outbox rows, through the proxy.
        Dependencies.Postgres.Restore();
        await base.DisposeAsync();
        await Dependencies.DisposeAsync();
    }

    protected override void ConfigureTestServices(IWebHostBuilder builder)
    {
        base.ConfigureTestServices(builder);
        Dependencies.Apply(builder, "bot-gateway");
    }
}
