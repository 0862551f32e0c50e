using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <summary>
    /// Days become the tutors' own (Ingestion/TutorDays.cs). <c>tutor_zones</c> holds each tutor's time zone statements,
    /// filled here from the profile events already stored; <c>rollup_redo</c> is the queue of days to recompute
    /// (Rollups/RollupRedo.cs). Where a stored tutor stated a zone, every stored day is queued once and Redis is marked
    /// untrusted, so an existing installation moves its UTC-day rollups and day keys to tutor days after this upgrade.
    /// Raw SQL like RedisTrust: only Npgsql code reads these tables, so the model is unchanged.
    /// </summary>
    [DbContext(typeof(AnalyticsDb))]
    [Migration("20261207000000_TutorDays")]
    public partial class TutorDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS analytics.tutor_zones (
                    event_id uuid PRIMARY KEY,
                    tutor_id uuid NOT NULL,
                    valid_from timestamptz NOT NULL,
                    time_zone text NOT NULL
                );
                CREATE INDEX IF NOT EXISTS ix_tutor_zones_tutor ON analytics.tutor_zones (tutor_id, valid_from);
                CREATE TABLE IF NOT EXISTS analytics.rollup_redo (
                    day date PRIMARY KEY,
                    queued_at timestamptz NOT NULL
                );

                INSERT INTO analytics.tutor_zones (event_id, tutor_id, valid_from, time_zone)
                SELECT e.event_id, e.tutor_id, e.occurred_at, trim(e.payload->>'timeZone')
                FROM analytics.events e
                WHERE e.type IN ('UserRegistered', 'UserProfileChanged')
                  AND e.payload->>'userId' = e.tutor_id::text
                  AND (e.type = 'UserProfileChanged' OR e.payload->>'role' = 'Tutor')
                  AND trim(e.payload->>'timeZone') IN (SELECT name FROM pg_timezone_names)
                ON CONFLICT (event_id) DO NOTHING;

                INSERT INTO analytics.rollup_redo (day, queued_at)
                SELECT d::date, now()
                FROM (SELECT least(min(occurred_at), (SELECT min((payload->>'startsAt')::timestamptz) FROM analytics.events
                                                      WHERE type = 'LessonCompleted')) AS first,
                             max(occurred_at) AS last
                      FROM analytics.event_ids) s,
                     generate_series(s.first - interval '2 days', s.last + interval '1 day', interval '1 day') AS d
                WHERE EXISTS (SELECT 1 FROM analytics.tutor_zones) AND s.first IS NOT NULL
                ON CONFLICT (day) DO NOTHING;

                UPDATE analytics.redis_trust
                SET generation = generation + 1, trusted = false, changed_at = now(),
                    reason = 'days moved from UTC to the tutors'' time zones'
                WHERE id = 1 AND EXISTS (SELECT 1 FROM analytics.tutor_zones);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS analytics.rollup_redo; DROP TABLE IF EXISTS analytics.tutor_zones;");
        }
    }
}
