using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Care : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ToAssignee",
                table: "ReminderRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "SerialNumberId",
                table: "DueReminders",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<long>(
                name: "BasisAt",
                table: "DueReminders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceRequestId",
                table: "DueReminders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_ServiceRequestId",
                table: "DueReminders",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_ServiceRequestId_OffsetDays_BasisAt",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "ServiceRequestId", "OffsetDays", "BasisAt" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_DueReminders_ServiceRequests_ServiceRequestId",
                table: "DueReminders",
                column: "ServiceRequestId",
                principalTable: "ServiceRequests",
                principalColumn: "Id",
                onDelete: ReferentialAction.Cascade);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DueReminders_ServiceRequests_ServiceRequestId",
                table: "DueReminders");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_ServiceRequestId",
                table: "DueReminders");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_ServiceRequestId_OffsetDays_BasisAt",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "ToAssignee",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "BasisAt",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "ServiceRequestId",
                table: "DueReminders");

            migrationBuilder.AlterColumn<Guid>(
                name: "SerialNumberId",
                table: "DueReminders",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
