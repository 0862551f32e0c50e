using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class TemplatesPreferencesSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "data",
                schema: "notification",
                table: "deliveries",
                type: "jsonb",
                nullable: false,
                defaultValue: "{}");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "due_at",
                schema: "notification",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<bool>(
                name: "fallback_to_email",
                schema: "notification",
                table: "deliveries",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "group_key",
                schema: "notification",
                table: "deliveries",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "locked_until",
                schema: "notification",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "occurred_at",
                schema: "notification",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "provider_message_id",
                schema: "notification",
                table: "deliveries",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_at",
                schema: "notification",
                table: "deliveries",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Rows from before the schedule existed: their times are their creation, "Skipped" is now "Suppressed".
            migrationBuilder.Sql("""
                UPDATE notification.deliveries SET occurred_at = created_at, due_at = created_at, updated_at = coalesce(sent_at, created_at);
                UPDATE notification.deliveries SET status = 'Suppressed' WHERE status = 'Skipped';
                """);

            migrationBuilder.CreateTable(
                name: "links",
                schema: "notification",
                columns: table => new
                {
                    link_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    valid_from = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    valid_to = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_links", x => x.link_id);
                });

            migrationBuilder.CreateTable(
                name: "preferences",
                schema: "notification",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    email_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    telegram_enabled = table.Column<bool>(type: "boolean", nullable: false),
                    email_disabled_reason = table.Column<string>(type: "text", nullable: true),
                    telegram_disabled_reason = table.Column<string>(type: "text", nullable: true),
                    opted_out_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    locale = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    quiet_from = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    quiet_to = table.Column<TimeOnly>(type: "time without time zone", nullable: true),
                    daily_digest = table.Column<bool>(type: "boolean", nullable: false),
                    digest_hour = table.Column<int>(type: "integer", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_preferences", x => x.user_id);
                });

            migrationBuilder.CreateTable(
                name: "templates",
                schema: "notification",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    locale = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    subject = table.Column<string>(type: "text", nullable: true),
                    body = table.Column<string>(type: "text", nullable: false),
                    text = table.Column<string>(type: "text", nullable: true),
                    created_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_templates", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries",
                columns: new[] { "channel", "due_at" },
                filter: "status IN ('Pending', 'Scheduled', 'Sending')");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_group_key",
                schema: "notification",
                table: "deliveries",
                column: "group_key");

            migrationBuilder.CreateIndex(
                name: "ix_links_student_id_tutor_id",
                schema: "notification",
                table: "links",
                columns: new[] { "student_id", "tutor_id" });

            migrationBuilder.CreateIndex(
                name: "ix_templates_type_channel_locale_version",
                schema: "notification",
                table: "templates",
                columns: new[] { "type", "channel", "locale", "version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "links",
                schema: "notification");

            migrationBuilder.DropTable(
                name: "preferences",
                schema: "notification");

            migrationBuilder.DropTable(
                name: "templates",
                schema: "notification");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropIndex(
                name: "ix_deliveries_group_key",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "data",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "due_at",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "fallback_to_email",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "group_key",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "locked_until",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "occurred_at",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "provider_message_id",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "updated_at",
                schema: "notification",
                table: "deliveries");
        }
    }
}
