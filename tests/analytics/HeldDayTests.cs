using System.Net;
using System.Text.Json;
using Repitbot.Analytics.Ingestion;
using Repitbot.Analytics.Realtime;
using Repitbot.Analytics.Tests.Streams;
using Repitbot.Analytics.Tests.Support;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests;

/// <summary>
/// A lesson held on one day and logged days later counts on the day it was held (Ingestion/HappenedAt.cs) in every
/// figure: the daily rollup, the Redis day counters and so the dashboard, the daily series behind the chart and the
/// tables, the students' last lesson, a day recompute and a Redis rebuild.
/// </summary>
public sealed class HeldDayTests(AnalyticsFactory factory) : IClassFixture<AnalyticsFactory>
{
    private static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    [Fact]
    public async Task A_lesson_logged_days_after_it_was_held_counts_on_the_day_it_was_held()
    {
        var (tutor, student, lesson) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var held = new DateTimeOffset(Today.AddDays(-10).ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var heldDay = DateOnly.FromDateTime(held.UtcDateTime);
        IDomainEvent[] events =
        [
            new LessonScheduled
            {
                EventId = Guid.NewGuid(), OccurredAt = held.AddDays(-2), TutorId = tutor, StudentId = student, LessonId = lesson,
                StartsAt = held, DurationMinutes = 60,
            },
            new LessonCompleted
            {
                EventId = Guid.NewGuid(), OccurredAt = DateTimeOffset.UtcNow, TutorId = tutor, StudentId = student, LessonId = lesson,
                Outcome = LessonOutcome.Attended, Minutes = 60, StartsAt = held,
            },
        ];
        await factory.Ingestor.IngestAsync(events.Select(IngestedEvent.From).ToList(), CancellationToken.None);

        await AssertCountedOnHeldDayAsync(tutor, heldDay);
        using var client = factory.TutorClient(tutor);
        var week = await DashboardClient.GetAsync(client, days: 7);
        Assert.Equal((0L, 1L, 60L), (week.LessonsCompleted.Value, week.LessonsCompleted.Previous, week.MinutesTaught.Previous));
        Assert.Equal((1L, 0L), ((await DashboardClient.GetAsync(client, days: 30)).LessonsCompleted.Value, week.LessonsCompleted.Value));

        var range = $"from={Today.AddDays(-29):yyyy-MM-dd}&to={Today:yyyy-MM-dd}";
        using var lessons = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/analytics/lessons?{range}&tz=UTC"));
        var completedByDay = lessons.RootElement.GetProperty("series").EnumerateArray()
            .Where(p => p.GetProperty("completed").GetInt32() > 0)
            .ToDictionary(p => p.GetProperty("period").GetString()!, p => p.GetProperty("completed").GetInt32());
        Assert.Equal(new Dictionary<string, int> { [$"{heldDay:yyyy-MM-dd}"] = 1 }, completedByDay);
        var heatmap = lessons.RootElement.GetProperty("heatmap");
        Assert.Equal(1, heatmap[(int)held.DayOfWeek == 0 ? 6 : (int)held.DayOfWeek - 1][10].GetInt32());

        using var students = JsonDocument.Parse(await client.GetStringAsync($"/api/v1/analytics/students?{range}"));
        var churn = Assert.Single(students.RootElement.GetProperty("churnRisk").EnumerateArray());
        Assert.Equal($"{heldDay:yyyy-MM-dd}", churn.GetProperty("lastLesson").GetString());
        Assert.Equal(10, churn.GetProperty("daysSinceLastLesson").GetInt32());

        // The student's own view comes from the events rather than the rollup: same day.
        using var own = JsonDocument.Parse(await factory.ClientWithToken(factory.Tokens.Student(student))
            .GetStringAsync($"/api/v1/analytics/lessons?{range}"));
        Assert.Equal(new[] { $"{heldDay:yyyy-MM-dd}" }, own.RootElement.GetProperty("series").EnumerateArray()
            .Where(p => p.GetProperty("completed").GetInt32() > 0).Select(p => p.GetProperty("period").GetString()!).ToArray());

        // Recomputing the day it was recorded and the day it was held, and rebuilding Redis, give the same numbers.
        using var admin = factory.ClientWithToken(factory.Tokens.Admin());
        foreach (var day in new[] { Today, heldDay })
        {
            var rollup = await admin.PostAsync(new Uri($"/api/v1/admin/rollup?day={day:yyyy-MM-dd}", UriKind.Relative), null);
            Assert.Equal(HttpStatusCode.OK, rollup.StatusCode);
        }

        await ActualState.WipeAsync(factory.Redis, [tutor]);
        var rebuilt = await admin.PostAsync(new Uri($"/api/v1/admin/rebuild-cache?tutorId={tutor}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, rebuilt.StatusCode);
        await AssertCountedOnHeldDayAsync(tutor, heldDay);
    }

    [Fact]
    public async Task A_lesson_reported_before_its_planned_start_counts_when_it_was_reported()
    {
        var tutor = Guid.NewGuid();
        var reported = DateTimeOffset.UtcNow.AddDays(-3);
        var early = Lessons.Attended(tutor, 45, reported) with { StartsAt = reported.AddDays(2) };
        Assert.Equal(reported.ToUniversalTime(), HappenedAt.Of(early));
        await factory.Ingestor.IngestAsync([IngestedEvent.From(early)], CancellationToken.None);

        await AssertCountedOnHeldDayAsync(tutor, DateOnly.FromDateTime(reported.UtcDateTime));
    }

    [Fact]
    public async Task The_stored_happened_at_column_follows_the_same_rule_as_ingestion_in_any_session_time_zone()
    {
        var tutor = Guid.NewGuid();
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()); // PostgreSQL keeps microseconds
        var moscow = TimeSpan.FromHours(3);
        IDomainEvent[] events =
        [
            Lessons.Attended(tutor, 60, now) with { StartsAt = now.AddDays(-2).ToOffset(moscow) },
            Lessons.Attended(tutor, 60, now.AddDays(-1)) with { StartsAt = now.AddDays(1) },
            Lessons.Attended(tutor, 60, now.AddHours(-5)) with { StartsAt = null },
            new LessonCancelled
            {
                EventId = Guid.NewGuid(), OccurredAt = now.AddHours(-1), TutorId = tutor, StudentId = Guid.NewGuid(),
                LessonId = Guid.NewGuid(), StartsAt = now.AddDays(-4), CancelledBy = CancelledBy.Tutor, Reason = "ill",
            },
        ];
        await factory.Ingestor.IngestAsync(events.Select(IngestedEvent.From).ToList(), CancellationToken.None);

        // A row written by another writer, in a session whose zone is not UTC, with a startsAt that names no offset:
        // the column reads it as UTC, whatever the session's zone. The rest of the payload is whole, as the rebuild reads it.
        var rawStart = new DateTime(now.UtcDateTime.AddDays(-3).Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        var raw = IngestedEvent.From(Lessons.Attended(tutor, 60, now) with { StartsAt = rawStart });
        await using (var connection = await factory.Database.OpenConnectionAsync())
        {
            // SET LOCAL: pooled connections are not reset when they go back (PooledSessions).
            await using var transaction = await connection.BeginTransactionAsync();
            await using (var zone = new Npgsql.NpgsqlCommand("SET LOCAL TimeZone = 'Asia/Tokyo'", connection, transaction))
            {
                await zone.ExecuteNonQueryAsync();
            }

            await using var insert = new Npgsql.NpgsqlCommand("""
                INSERT INTO analytics.events (event_id, type, tutor_id, occurred_at, payload, received_at)
                VALUES ($1, 'LessonCompleted', $2, $3, jsonb_set($4::jsonb, '{startsAt}', to_jsonb($5::text)), now())
                """, connection, transaction);
            insert.Parameters.AddWithValue(raw.EventId);
            insert.Parameters.AddWithValue(tutor);
            insert.Parameters.AddWithValue(now);
            insert.Parameters.AddWithValue(raw.Payload);
            insert.Parameters.AddWithValue($"{rawStart:yyyy-MM-ddTHH:mm:ss}");
            await insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }

        await using var read = factory.Database.CreateCommand("SELECT event_id, happened_at FROM analytics.events WHERE tutor_id = $1");
        read.Parameters.AddWithValue(tutor);
        var stored = new Dictionary<Guid, DateTimeOffset>();
        await using (var reader = await read.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                stored[reader.GetGuid(0)] = reader.GetFieldValue<DateTimeOffset>(1);
            }
        }

        var expected = events.ToDictionary(e => e.EventId, HappenedAt.Of);
        expected[raw.EventId] = new DateTimeOffset(rawStart);
        Assert.Equal(expected.OrderBy(e => e.Key), stored.OrderBy(e => e.Key).Select(e => KeyValuePair.Create(e.Key, e.Value.ToUniversalTime())));
    }

    [Fact]
    public void A_completion_whose_own_time_is_before_2000_is_refused_naming_startsAt()
    {
        var lesson = Lessons.Attended(Guid.NewGuid(), 45) with { StartsAt = new DateTimeOffset(1999, 12, 31, 0, 0, 0, TimeSpan.Zero) };
        Assert.StartsWith("startsAt", EventValidator.Problem(lesson, DateTimeOffset.UtcNow));
    }

    private async Task AssertCountedOnHeldDayAsync(Guid tutor, DateOnly heldDay)
    {
        var stats = await ActualState.StatsAsync(factory.Database, [tutor]);
        var completedDays = stats.Where(s => s.Value.GetValueOrDefault("lessons_completed") > 0).Select(s => s.Key.Item2).ToList();
        Assert.Equal([heldDay], completedDays);
        var hashes = await ActualState.HashesAsync(factory.Redis.GetDatabase(), [tutor], Today.AddDays(-40), Today);
        Assert.Equal([heldDay], hashes.Where(h => h.Value.GetValueOrDefault("lessons_completed") > 0).Select(h => h.Key.Item2).ToList());
        Assert.Equal(1, await ActualState.ActiveStudentsAsync(factory.Redis.GetDatabase(), tutor, heldDay));
        Assert.False((await factory.Redis.GetDatabase().HashGetAsync(RedisKeys.Day(tutor, Today), "lessons_completed")).HasValue);
    }
}
