using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryPartition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.AddColumn<string>(
                name: "partition",
                schema: "notification",
                table: "deliveries",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "default");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries",
                columns: new[] { "partition", "channel", "due_at" },
                filter: "status IN ('Pending', 'Scheduled', 'Sending')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.DropColumn(
                name: "partition",
                schema: "notification",
                table: "deliveries");

            migrationBuilder.CreateIndex(
                name: "ix_deliveries_due",
                schema: "notification",
                table: "deliveries",
                columns: new[] { "channel", "due_at" },
                filter: "status IN ('Pending', 'Scheduled', 'Sending')");
        }
    }
}
