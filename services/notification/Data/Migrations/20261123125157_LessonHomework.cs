using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class LessonHomework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "lesson_homework",
                schema: "notification",
                columns: table => new
                {
                    homework_id = table.Column<Guid>(type: "uuid", nullable: false),
                    lesson_id = table.Column<Guid>(type: "uuid", nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    assigned_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_lesson_homework", x => x.homework_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_lesson_homework_lesson_id",
                schema: "notification",
                table: "lesson_homework",
                column: "lesson_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "lesson_homework",
                schema: "notification");
        }
    }
}
