using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Care : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders");

            migrationBuilder.AddColumn<bool>(
                name: "ToAssignee",
                table: "ReminderRules",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AlterColumn<Guid>(
                name: "SerialNumberId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BasisAt",
                table: "DueReminders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceRequestId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_ServiceRequestId",
                table: "DueReminders",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "DueDate" },
                unique: true,
                filter: "[SerialNumberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_ServiceRequestId_OffsetDays_BasisAt",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "ServiceRequestId", "OffsetDays", "BasisAt" },
                unique: true,
                filter: "[ServiceRequestId] IS NOT NULL AND [BasisAt] IS NOT NULL");

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
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
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
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "DueDate" },
                unique: true);
        }
    }
}
