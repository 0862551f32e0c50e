using Npgsql;
using Repitbot.Analytics.Ingestion;

namespace Repitbot.Analytics.Rollups;

/// <summary>
/// Weekly retention cohorts, recomputed whole: a student joins the cohort of the ISO week (Monday, UTC)
/// of their first attended lesson with a tutor (the day it was held, <see cref="HappenedAt"/>), and counts as retained in week N when they attended a
/// lesson with that tutor N weeks later. Replaced in one transaction, so it is idempotent.
/// </summary>
public sealed class RetentionCohorts(NpgsqlDataSource dataSource)
{
    private static readonly string Recompute = $"""
        DELETE FROM analytics.weekly_retention;
        WITH attended AS (
            SELECT tutor_id, student_id, date_trunc('week', {HappenedAt.Sql()} AT TIME ZONE 'UTC')::date AS week
            FROM analytics.events
            WHERE type = 'LessonCompleted' AND payload->>'outcome' = 'Attended' AND student_id IS NOT NULL
            GROUP BY 1, 2, 3),
        first AS (SELECT tutor_id, student_id, min(week) AS cohort FROM attended GROUP BY 1, 2),
        sizes AS (SELECT tutor_id, cohort, count(*) AS size FROM first GROUP BY 1, 2)
        INSERT INTO analytics.weekly_retention (tutor_id, cohort_week, week_offset, cohort_size, retained)
        SELECT f.tutor_id, f.cohort, (a.week - f.cohort) / 7, s.size, count(*)
        FROM first f
        JOIN attended a ON a.tutor_id = f.tutor_id AND a.student_id = f.student_id
        JOIN sizes s ON s.tutor_id = f.tutor_id AND s.cohort = f.cohort
        GROUP BY f.tutor_id, f.cohort, (a.week - f.cohort) / 7, s.size;
        """;

    public async Task<int> RecomputeAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Recompute, connection, transaction);
        var rows = await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return rows;
    }
}
