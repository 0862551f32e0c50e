using Npgsql;
using Repitbot.Hosting.Workers;

namespace Repitbot.Analytics.Rollups;

/// <summary>
/// Recomputes the days queued in <c>analytics.rollup_redo</c>: days a tutor's late time zone statement moved events to or
/// from (Ingestion/ZoneMoves.cs), and, once, every stored day when rollups moved from UTC days to the tutors' own days
/// (migration TutorDays). Each day is taken with FOR UPDATE SKIP LOCKED and recomputed and dequeued in one transaction,
/// so replicas share the queue, and a failure or a crash leaves the day queued for the next pass.
/// </summary>
public sealed class RollupRedo(NpgsqlDataSource dataSource, TimeProvider clock, WorkerHeartbeats workers, ILogger<RollupRedo> logger)
    : BackgroundService
{
    private static readonly TimeSpan Pause = TimeSpan.FromSeconds(5);

    /// <summary>The longest wait of an idle (or failing) loop: how late a queued day is recomputed at worst.</summary>
    private static readonly TimeSpan LongestPause = TimeSpan.FromSeconds(40);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var heartbeat = workers.Loop("analytics-rollup-redo", LongestPause);
        var backoff = new IdleBackoff(Pause, LongestPause);
        while (!stoppingToken.IsCancellationRequested)
        {
            var redone = false;
            try
            {
                while (await RedoOneAsync(stoppingToken) is { } day)
                {
                    RollupLog.Redone(logger, day);
                    heartbeat.Beat();
                    redone = true;
                }

                heartbeat.Beat();
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // PostgreSQL away, most likely: the day stays queued; the next tries come further apart.
                RollupLog.RedoFailed(logger, ex);
            }

            await Task.Delay(backoff.After(foundWork: redone), clock, stoppingToken);
        }
    }

    /// <summary>Recomputes and dequeues the earliest queued day; null when none is queued (or all are being redone elsewhere).</summary>
    public async Task<DateOnly?> RedoOneAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var take = new NpgsqlCommand(
            "SELECT day FROM analytics.rollup_redo ORDER BY day LIMIT 1 FOR UPDATE SKIP LOCKED", connection, transaction);
        if (await take.ExecuteScalarAsync(cancellationToken) is not DateOnly day)
        {
            return null;
        }

        await DayRollup.RecomputeAsync(connection, transaction, day, cancellationToken);
        await using var done = new NpgsqlCommand("DELETE FROM analytics.rollup_redo WHERE day = @day", connection, transaction);
        done.Parameters.AddWithValue("day", day);
        await done.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return day;
    }
}
