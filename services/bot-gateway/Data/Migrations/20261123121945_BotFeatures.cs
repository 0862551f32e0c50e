using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Repitbot.BotGateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class BotFeatures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "telegram_user_id",
                schema: "bot_gateway",
                table: "users",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "cancel_reason",
                schema: "bot_gateway",
                table: "lessons",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "currency",
                schema: "bot_gateway",
                table: "lessons",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "duration_minutes",
                schema: "bot_gateway",
                table: "lessons",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "price_minor",
                schema: "bot_gateway",
                table: "lessons",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "starts_at",
                schema: "bot_gateway",
                table: "lessons",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "status",
                schema: "bot_gateway",
                table: "lessons",
                type: "character varying(16)",
                maxLength: 16,
                nullable: false,
                // Lessons before this version were only ever recorded as completed.
                defaultValue: "Completed");

            migrationBuilder.CreateTable(
                name: "conversations",
                schema: "bot_gateway",
                columns: table => new
                {
                    chat_id = table.Column<long>(type: "bigint", nullable: false),
                    flow = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    data = table.Column<string>(type: "jsonb", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_conversations", x => x.chat_id);
                });

            migrationBuilder.CreateTable(
                name: "homework",
                schema: "bot_gateway",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: true),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    submitted_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    score = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_homework", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "invites",
                schema: "bot_gateway",
                columns: table => new
                {
                    code = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    role = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    used_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    used_by = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_invites", x => x.code);
                });

            migrationBuilder.CreateTable(
                name: "materials",
                schema: "bot_gateway",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: true),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    mime_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    telegram_file_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    shared_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_materials", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "payments",
                schema: "bot_gateway",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    amount_minor = table.Column<long>(type: "bigint", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    method = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    lessons_covered = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    refunded_minor = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_payments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "processed_updates",
                schema: "bot_gateway",
                columns: table => new
                {
                    update_id = table.Column<long>(type: "bigint", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_processed_updates", x => x.update_id);
                });

            migrationBuilder.CreateTable(
                name: "recorded_events",
                schema: "bot_gateway",
                columns: table => new
                {
                    key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    event_id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    fingerprint = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    body = table.Column<string>(type: "jsonb", nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recorded_events", x => x.key);
                });

            migrationBuilder.CreateTable(
                name: "webhook_messages",
                schema: "bot_gateway",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    source = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    payload = table.Column<string>(type: "jsonb", nullable: false),
                    status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    error = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    received_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    processed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_webhook_messages", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_users_telegram_user_id",
                schema: "bot_gateway",
                table: "users",
                column: "telegram_user_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_student_links_student_id",
                schema: "bot_gateway",
                table: "student_links",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_homework_tutor_id_student_id",
                schema: "bot_gateway",
                table: "homework",
                columns: new[] { "tutor_id", "student_id" });

            migrationBuilder.CreateIndex(
                name: "ix_materials_tutor_id",
                schema: "bot_gateway",
                table: "materials",
                column: "tutor_id");

            migrationBuilder.CreateIndex(
                name: "ix_payments_tutor_id_student_id",
                schema: "bot_gateway",
                table: "payments",
                columns: new[] { "tutor_id", "student_id" });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_messages_source_external_id",
                schema: "bot_gateway",
                table: "webhook_messages",
                columns: new[] { "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_webhook_messages_status",
                schema: "bot_gateway",
                table: "webhook_messages",
                column: "status",
                filter: "status <> 'Processed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "conversations",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "homework",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "invites",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "materials",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "payments",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "processed_updates",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "recorded_events",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "webhook_messages",
                schema: "bot_gateway");

            migrationBuilder.DropIndex(
                name: "ix_users_telegram_user_id",
                schema: "bot_gateway",
                table: "users");

            migrationBuilder.DropIndex(
                name: "ix_student_links_student_id",
                schema: "bot_gateway",
                table: "student_links");

            migrationBuilder.DropColumn(
                name: "telegram_user_id",
                schema: "bot_gateway",
                table: "users");

            migrationBuilder.DropColumn(
                name: "cancel_reason",
                schema: "bot_gateway",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "currency",
                schema: "bot_gateway",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "duration_minutes",
                schema: "bot_gateway",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "price_minor",
                schema: "bot_gateway",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "starts_at",
                schema: "bot_gateway",
                table: "lessons");

            migrationBuilder.DropColumn(
                name: "status",
                schema: "bot_gateway",
                table: "lessons");
        }
    }
}
