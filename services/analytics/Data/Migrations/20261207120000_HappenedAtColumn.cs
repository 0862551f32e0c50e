using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <summary>
    /// <c>analytics.events.happened_at</c>: when an event counts (<see cref="Ingestion.HappenedAt"/>), stored with the row
    /// instead of worked out from the JSON payload by every read. Computing it in the reads made the whole-history ones
    /// (churn, cohorts, new students) parse every lesson's payload: the 2026-12-07 full run's admin report took 6 s a job
    /// where it took 1.9 s on occurred_at alone. A generated column, so every writer (ingestion, import, the load
    /// tester's binary COPY, the tests' seeding) gets it without knowing the rule. A generated column needs an immutable
    /// expression and a text-to-timestamptz cast is only stable (it reads TimeZone), so the rule is a function that sets
    /// its own TimeZone and DateStyle, which makes it immutable in fact. Written by hand: the model is unchanged.
    /// Adding the column rewrites every partition once, under a lock, at the upgrade.
    /// </summary>
    [DbContext(typeof(AnalyticsDb))]
    [Migration("20261207120000_HappenedAtColumn")]
    public partial class HappenedAtColumn : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION analytics.happened_at(in_type text, in_occurred_at timestamptz, in_payload jsonb)
                RETURNS timestamptz
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                SET TimeZone = 'UTC' SET DateStyle = 'ISO, YMD'
                AS $$
                    SELECT CASE WHEN in_type = 'LessonCompleted' AND (in_payload->>'startsAt')::timestamptz < in_occurred_at
                                THEN (in_payload->>'startsAt')::timestamptz ELSE in_occurred_at END
                $$;

                ALTER TABLE analytics.events ADD COLUMN IF NOT EXISTS happened_at timestamptz
                    GENERATED ALWAYS AS (analytics.happened_at(type, occurred_at, payload)) STORED;
                """);

            // The students area's whole-history reads (first event per student, churn, cohorts) read these indexes alone.
            // occurred_at rides along so a student's reads over recorded time still need no heap.
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS analytics.ix_events_student;
                CREATE INDEX ix_events_student ON analytics.events (student_id, happened_at) INCLUDE (tutor_id, occurred_at)
                WHERE student_id IS NOT NULL;
                DROP INDEX IF EXISTS analytics.ix_events_attended;
                CREATE INDEX ix_events_attended ON analytics.events (student_id, happened_at) INCLUDE (tutor_id)
                WHERE type = 'LessonCompleted' AND (payload->>'outcome') = 'Attended';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP INDEX IF EXISTS analytics.ix_events_attended;
                DROP INDEX IF EXISTS analytics.ix_events_student;
                ALTER TABLE analytics.events DROP COLUMN IF EXISTS happened_at;
                DROP FUNCTION IF EXISTS analytics.happened_at(text, timestamptz, jsonb);
                CREATE INDEX ix_events_student ON analytics.events (student_id, occurred_at) INCLUDE (tutor_id)
                WHERE student_id IS NOT NULL;
                CREATE INDEX ix_events_attended ON analytics.events (student_id, occurred_at) INCLUDE (tutor_id)
                WHERE type = 'LessonCompleted' AND (payload->>'outcome') = 'Attended';
                """);
        }
    }
}
