using Npgsql;
using Repitbot.Analytics.Data;
using Repitbot.Analytics.Tests.ReadSide;

namespace Repitbot.Analytics.Tests.Partitions;

/// <summary>
/// A month's partition is made by one database function, which the service and the load tester's seeder
/// both call: a whole UTC month, named events_yyyy_mm, whatever day of the month or session time zone.
/// </summary>
[Collection(ReadSideTests.Name)]
public sealed class EventPartitionTests(ReadSideFactory factory)
{
    [Fact]
    public async Task The_service_and_the_seeder_make_the_same_whole_utc_month_partitions()
    {
        // Months no other test stores events in.
        await new EventPartitions(factory.Database).EnsureAsync([new DateOnly(2011, 3, 1)], CancellationToken.None);
        await using var connection = await factory.Database.OpenConnectionAsync();
        Assert.Equal("FOR VALUES FROM ('2011-03-01 00:00:00+00') TO ('2011-04-01 00:00:00+00')",
            await BoundsAsync(connection, null, "events_2011_03"));

        // What the seeder calls, from a session in another zone and naming the last day of the month; rolled
        // back, so every run creates the partition afresh.
        await using var transaction = await connection.BeginTransactionAsync();
        await ExecuteAsync(connection, transaction, "SET LOCAL TimeZone = 'Asia/Tokyo'; DROP TABLE IF EXISTS analytics.events_2011_04");
        await using var seeder = new NpgsqlCommand("SELECT analytics.ensure_event_partition(@day)", connection, transaction);
        seeder.Parameters.AddWithValue("day", new DateOnly(2011, 4, 30));
        Assert.Equal("events_2011_04", await seeder.ExecuteScalarAsync());
        Assert.Equal("FOR VALUES FROM ('2011-04-01 00:00:00+00') TO ('2011-05-01 00:00:00+00')",
            await BoundsAsync(connection, transaction, "events_2011_04"));
        await transaction.RollbackAsync();
    }

    private static async Task<object?> BoundsAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, string partition)
    {
        await using var utc = new NpgsqlCommand("SET TimeZone = 'UTC'", connection, transaction);
        await utc.ExecuteNonQueryAsync();
        await using var bounds = new NpgsqlCommand("""
            SELECT pg_get_expr(c.relpartbound, c.oid) FROM pg_class c JOIN pg_inherits i ON i.inhrelid = c.oid
            WHERE i.inhparent = 'analytics.events'::regclass AND c.relname = @partition
            """, connection, transaction);
        bounds.Parameters.AddWithValue("partition", partition);
        return await bounds.ExecuteScalarAsync();
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync();
    }
}
