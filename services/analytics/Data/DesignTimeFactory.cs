using Microsoft.EntityFrameworkCore.Design;
using Repitbot.Hosting.Data;

namespace Repitbot.Analytics.Data;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AnalyticsDb>
{
    public AnalyticsDb CreateDbContext(string[] args) => new(DesignTimeOptions.For<AnalyticsDb>(AnalyticsDb.Schema));
}
