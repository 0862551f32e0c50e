using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Npgsql;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>For <c>dotnet ef migrations add --context ReportsDb</c>; never connects.</summary>
internal sealed class ReportsDesignTimeFactory : IDesignTimeDbContextFactory<ReportsDb>
{
    public ReportsDb CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<ReportsDb>();
        ReportsDb.Configure(builder, new NpgsqlDataSourceBuilder("Host=localhost;Database=repitbot").Build());
        return new ReportsDb(builder.Options);
    }
}
