using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Repitbot.Hosting.Data;

/// <summary>
/// Options for <c>dotnet ef migrations add</c>, which builds the model without starting the service
/// (and so without its settings). Generating a migration never connects.
/// </summary>
public static class DesignTimeOptions
{
    public static DbContextOptions<TContext> For<TContext>(string schema)
        where TContext : DbContext
    {
        var dataSource = new NpgsqlDataSourceBuilder("Host=localhost;Database=repitbot").Build();
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UsePostgresSchema(dataSource, schema);
        return builder.Options;
    }
}
