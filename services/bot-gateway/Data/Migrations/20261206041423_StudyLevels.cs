using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.BotGateway.Data.Migrations
{
    /// <inheritdoc />
    public partial class StudyLevels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "level_scales",
                schema: "bot_gateway",
                columns: table => new
                {
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    levels = table.Column<List<string>>(type: "text[]", nullable: false),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_level_scales", x => x.tutor_id);
                });

            migrationBuilder.CreateTable(
                name: "study_level_changes",
                schema: "bot_gateway",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    tutor_id = table.Column<Guid>(type: "uuid", nullable: false),
                    student_id = table.Column<Guid>(type: "uuid", nullable: false),
                    sequence = table.Column<int>(type: "integer", nullable: false),
                    level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    previous_level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    scale = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    changed_by = table.Column<Guid>(type: "uuid", nullable: true),
                    changed_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_study_level_changes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_study_level_changes_student_id_tutor_id_changed_at",
                schema: "bot_gateway",
                table: "study_level_changes",
                columns: new[] { "student_id", "tutor_id", "changed_at" });

            migrationBuilder.CreateIndex(
                name: "ix_study_level_changes_student_id_tutor_id_sequence",
                schema: "bot_gateway",
                table: "study_level_changes",
                columns: new[] { "student_id", "tutor_id", "sequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "level_scales",
                schema: "bot_gateway");

            migrationBuilder.DropTable(
                name: "study_level_changes",
                schema: "bot_gateway");
        }
    }
}
