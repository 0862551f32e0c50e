using Npgsql;

namespace Repitbot.Analytics.Tests.Support;

/// <summary>What analytics keeps in PostgreSQL for one tutor.</summary>
public static class Store
{
    public static async Task<long> EventCountAsync(NpgsqlDataSource database, Guid tutorId)
    {
        await using var command = database.CreateCommand("SELECT count(*) FROM analytics.events WHERE tutor_id = $1");
        command.Parameters.AddWithValue(tutorId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>The tutor's daily rollups added up: (lessons completed, no-shows, minutes taught).</summary>
    public static async Task<(long Lessons, long NoShows, long Minutes)> RollupTotalsAsync(NpgsqlDataSource database, Guid tutorId)
    {
        await using var command = database.CreateCommand("""
            SELECT coalesce(sum(lessons_completed), 0), coalesce(sum(no_shows), 0), coalesce(sum(minutes_taught), 0)
            FROM analytics.daily_tutor_stats WHERE tutor_id = $1
            """);
        command.Parameters.AddWithValue(tutorId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }
}
