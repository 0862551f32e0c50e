using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Repitbot.Contracts;
using Repitbot.LoadTester.Output;
using Repitbot.LoadTester.Support;

namespace Repitbot.LoadTester.Seeding;

/// <summary>
/// Puts a year of LessonCompleted events straight into analytics' store with a binary COPY, then
/// recomputes the daily rollups of the seeded tutors from them and writes the Redis day counters from the
/// rollups — the state ingestion would have left, in seconds instead of minutes. Going through the bus
/// would measure ingestion again (its own figure) and take ~4 minutes per million events here.
/// </summary>
public sealed class EventSeeder(string connectionString, string? redis)
{
    public async Task<(ScenarioResult Result, IReadOnlyList<Guid> Tutors)> SeedAsync(long count, int tutorCount, int days,
        CancellationToken cancellationToken)
    {
        var tutors = Enumerable.Range(0, tutorCount).Select(_ => Guid.NewGuid()).ToArray();
        var students = tutors.ToDictionary(t => t, _ => Enumerable.Range(0, 10).Select(_ => Guid.NewGuid()).ToArray());
        await using var connection = await PostgresTarget.OpenAsync(connectionString, cancellationToken);
        await EnsurePartitionsAsync(connection, DateTimeOffset.UtcNow.Date.AddDays(-days), cancellationToken);
        var copy = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync(
            "COPY analytics.events (event_id, type, tutor_id, student_id, occurred_at, payload, received_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            var random = new Random(20261123);
            var today = DateTimeOffset.UtcNow.Date;
            for (var i = 0L; i < count; i++)
            {
                var tutor = tutors[i % tutorCount];
                var attended = random.Next(10) != 0;
                var at = new DateTimeOffset(today.AddDays(-random.Next(days)).AddMinutes(random.Next(24 * 60)), TimeSpan.Zero);
                var lesson = new LessonCompleted
                {
                    EventId = Guid.NewGuid(), OccurredAt = at, TutorId = tutor, StudentId = students[tutor][random.Next(10)],
                    LessonId = Guid.NewGuid(), Outcome = attended ? LessonOutcome.Attended : LessonOutcome.NoShow,
                    Minutes = attended ? 45 + (15 * random.Next(3)) : 0, Subject = "Математика",
                };
                writer.StartRow();
                writer.Write(lesson.EventId, NpgsqlDbType.Uuid);
                writer.Write(nameof(LessonCompleted), NpgsqlDbType.Varchar);
                writer.Write(tutor, NpgsqlDbType.Uuid);
                writer.Write(lesson.StudentId, NpgsqlDbType.Uuid);
                writer.Write(at, NpgsqlDbType.TimestampTz);
                writer.Write(JsonSerializer.Serialize(lesson, WireFormat.Json), NpgsqlDbType.Jsonb);
                writer.Write(at, NpgsqlDbType.TimestampTz);
            }

            await writer.CompleteAsync(cancellationToken);
        }

        await RegisterEventIdsAsync(connection, tutors, cancellationToken);
        copy.Stop();
        var rollup = Stopwatch.StartNew();
        await RecomputeRollupsAsync(connection, tutors, cancellationToken);
        if (redis is not null)
        {
            await DayCounters.RebuildAsync(connection, redis, tutors, cancellationToken);
        }

        rollup.Stop();
        var result = new ScenarioResult
        {
            Scenario = "seed-events", Label = "seed events", StartedAt = DateTimeOffset.UtcNow, Planned = count,
            ElapsedSeconds = Math.Round((copy.Elapsed + rollup.Elapsed).TotalSeconds, 3),
            Rows =
            [
                new RowResult { Name = "copy events", Count = count, Succeeded = count, ThroughputPerSecond = count / copy.Elapsed.TotalSeconds },
                new RowResult { Name = "rollups + counters", Extra = new() { ["seconds"] = Math.Round(rollup.Elapsed.TotalSeconds, 2) } },
            ],
        };
        return (result, tutors);
    }

    /// <summary>
    /// analytics.events is partitioned by month and a month's partition exists once the service needed it;
    /// the seeded year needs all of them, made by the service's own database function (its migration
    /// <c>EventPartitionFunction</c>), so the seeder's partitions are the service's.
    /// </summary>
    private static async Task EnsurePartitionsAsync(NpgsqlConnection connection, DateTime from, CancellationToken cancellationToken)
    {
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= DateOnly.FromDateTime(DateTime.UtcNow); month = month.AddMonths(1))
        {
            await using var create = new NpgsqlCommand("SELECT analytics.ensure_event_partition(@month)", connection);
            create.Parameters.AddWithValue("month", month);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>The service's once-only guard: every stored event also has its id in analytics.event_ids.</summary>
    private static async Task RegisterEventIdsAsync(NpgsqlConnection connection, Guid[] tutors, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.event_ids SELECT event_id, occurred_at, received_at FROM analytics.events
            WHERE tutor_id = ANY(@tutors) ON CONFLICT DO NOTHING
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("tutors", tutors);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task RecomputeRollupsAsync(NpgsqlConnection connection, Guid[] tutors, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("""
            INSERT INTO analytics.daily_tutor_stats (tutor_id, day, lessons_completed, no_shows, minutes_taught)
            SELECT tutor_id, (occurred_at AT TIME ZONE 'UTC')::date,
                   count(*) FILTER (WHERE payload->>'outcome' = 'Attended'),
                   count(*) FILTER (WHERE payload->>'outcome' = 'NoShow'),
                   coalesce(sum((payload->>'minutes')::int), 0)
            FROM analytics.events WHERE tutor_id = ANY(@tutors) AND type = 'LessonCompleted'
            GROUP BY 1, 2
            ON CONFLICT (tutor_id, day) DO UPDATE SET lessons_completed = excluded.lessons_completed,
                no_shows = excluded.no_shows, minutes_taught = excluded.minutes_taught
            """, connection) { CommandTimeout = 600 };
        command.Parameters.AddWithValue("tutors", tutors);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
