using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Repitbot.Notification.Data.Migrations
{
    /// <inheritdoc />
    public partial class DeliveryLeaseExpirations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "lease_expirations",
                schema: "notification",
                table: "deliveries",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "lease_expirations",
                schema: "notification",
                table: "deliveries");
        }
    }
}
