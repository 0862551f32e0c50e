using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class PartitionedEventsAndRollups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "homework_assigned",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "homework_graded",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "homework_score_sum",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "homework_submitted",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "lessons_cancelled",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "lessons_rescheduled",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "lessons_scheduled",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "materials_shared",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "materials_viewed",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "new_students",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "payments",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "refunds",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "students_unlinked",
                schema: "analytics",
                table: "daily_tutor_stats",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "daily_cancellations",
                schema: "analytics",
                columns: table => new
                {
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    cancelled_by = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    reason = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    cancelled = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_cancellations", x => new { x.tutor_id, x.day, x.cancelled_by, x.reason });
                });

            migrationBuilder.CreateTable(
                name: "daily_revenue",
                schema: "analytics",
                columns: table => new
                {
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    received_minor = table.Column<long>(type: "bigint", nullable: false),
                    refunded_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_revenue", x => new { x.tutor_id, x.day, x.currency });
                });

            migrationBuilder.CreateTable(
                name: "event_ids",
                schema: "analytics",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_event_ids", x => x.event_id);
                });

            migrationBuilder.CreateTable(
                name: "student_links",
                schema: "analytics",
                columns: table => new
                {
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_student_links", x => x.link_id);
                });

            migrationBuilder.CreateTable(
                name: "weekly_retention",
                schema: "analytics",
                columns: table => new
                {
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    cohort_week = table.Column<DateOnly>(type: "date", nullable: false),
                    week_offset = table.Column<int>(type: "integer", nullable: false),
                    cohort_size = table.Column<int>(type: "integer", nullable: false),
                    retained = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_weekly_retention", x => new { x.tutor_id, x.cohort_week, x.week_offset });
                });

            migrationBuilder.CreateIndex(
                name: "ix_student_links_student_id",
                schema: "analytics",
                table: "student_links",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_student_links_tutor_id_student_id",
                schema: "analytics",
                table: "student_links",
                columns: new[] { "tutor_id", "student_id" });

            // events becomes partitioned by month; its key must include occurred_at, so event_ids (filled
            // from the existing rows) keeps event_id unique. Existing rows move to their month's partition.
            migrationBuilder.Sql(PartitionEvents);
        }

        private const string PartitionEvents = """
            ALTER TABLE analytics.events RENAME TO events_unpartitioned;
            ALTER TABLE analytics.events_unpartitioned DROP CONSTRAINT pk_events;
            DROP INDEX analytics.ix_events_tutor_id_occurred_at;
            DROP INDEX analytics.ix_events_type_occurred_at;
            CREATE TABLE analytics.events (
                event_id uuid NOT NULL,
                type character varying(64) NOT NULL,
                tutor_id uuid NOT NULL,
                student_id uuid NULL,
                occurred_at timestamp with time zone NOT NULL,
                payload jsonb NOT NULL,
                received_at timestamp with time zone NOT NULL,
                CONSTRAINT pk_events PRIMARY KEY (event_id, occurred_at)
            ) PARTITION BY RANGE (occurred_at);
            CREATE INDEX ix_events_tutor_id_occurred_at ON analytics.events (tutor_id, occurred_at);
            CREATE INDEX ix_events_type_occurred_at ON analytics.events (type, occurred_at);
            DO $$
            DECLARE m timestamp;
            BEGIN
                FOR m IN SELECT DISTINCT date_trunc('month', occurred_at AT TIME ZONE 'UTC') FROM analytics.events_unpartitioned LOOP
                    EXECUTE format('CREATE TABLE analytics.%I PARTITION OF analytics.events FOR VALUES FROM (%L) TO (%L)',
                        'events_' || to_char(m, 'YYYY_MM'), m AT TIME ZONE 'UTC', (m + interval '1 month') AT TIME ZONE 'UTC');
                END LOOP;
            END $$;
            INSERT INTO analytics.events SELECT event_id, type, tutor_id, student_id, occurred_at, payload, received_at
                FROM analytics.events_unpartitioned;
            INSERT INTO analytics.event_ids SELECT event_id, occurred_at, received_at FROM analytics.events_unpartitioned;
            DROP TABLE analytics.events_unpartitioned;
            """;

        private const string UnpartitionEvents = """
            CREATE TABLE analytics.events_single (LIKE analytics.events INCLUDING DEFAULTS);
            INSERT INTO analytics.events_single SELECT * FROM analytics.events;
            DROP TABLE analytics.events;
            ALTER TABLE analytics.events_single RENAME TO events;
            ALTER TABLE analytics.events ADD CONSTRAINT pk_events PRIMARY KEY (event_id);
            CREATE INDEX ix_events_tutor_id_occurred_at ON analytics.events (tutor_id, occurred_at);
            CREATE INDEX ix_events_type_occurred_at ON analytics.events (type, occurred_at);
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(UnpartitionEvents);

            migrationBuilder.DropTable(
                name: "daily_cancellations",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "daily_revenue",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "event_ids",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "student_links",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "weekly_retention",
                schema: "analytics");

            migrationBuilder.DropColumn(
                name: "homework_assigned",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "homework_graded",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "homework_score_sum",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "homework_submitted",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "lessons_cancelled",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "lessons_rescheduled",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "lessons_scheduled",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "materials_shared",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "materials_viewed",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "new_students",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "payments",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "refunds",
                schema: "analytics",
                table: "daily_tutor_stats");

            migrationBuilder.DropColumn(
                name: "students_unlinked",
                schema: "analytics",
                table: "daily_tutor_stats");
        }
    }
}
