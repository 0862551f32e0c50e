using Microsoft.EntityFrameworkCore.Design;
using Repitbot.Hosting.Data;

namespace Repitbot.BotGateway.Data;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<BotGatewayDb>
{
    public BotGatewayDb CreateDbContext(string[] args) => new(DesignTimeOptions.For<BotGatewayDb>(BotGatewayDb.Schema));
}
