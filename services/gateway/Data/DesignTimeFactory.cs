using Microsoft.EntityFrameworkCore.Design;
using Repitbot.Hosting.Data;

namespace Repitbot.Gateway.Data;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<GatewayDb>
{
    public GatewayDb CreateDbContext(string[] args) => new(DesignTimeOptions.For<GatewayDb>(GatewayDb.Schema));
}
