using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Analytics.Data.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "analytics");

            migrationBuilder.CreateTable(
                name: "daily_tutor_stats",
                schema: "analytics",
                columns: table => new
                {
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    day = table.Column<DateOnly>(type: "date", nullable: false),
                    lessons_completed = table.Column<int>(type: "integer", nullable: false),
                    no_shows = table.Column<int>(type: "integer", nullable: false),
                    minutes_taught = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_daily_tutor_stats", x => new { x.tutor_id, x.day });
                });

            migrationBuilder.CreateTable(
                name: "events",
                schema: "analytics",
                columns: table => new
                {
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true),
                    occurred_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_events", x => x.event_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_events_tutor_id_occurred_at",
                schema: "analytics",
                table: "events",
                columns: new[] { "tutor_id", "occurred_at" });

            migrationBuilder.CreateIndex(
                name: "ix_events_type_occurred_at",
                schema: "analytics",
                table: "events",
                columns: new[] { "type", "occurred_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "daily_tutor_stats",
                schema: "analytics");

            migrationBuilder.DropTable(
                name: "events",
                schema: "analytics");
        }
    }
}
