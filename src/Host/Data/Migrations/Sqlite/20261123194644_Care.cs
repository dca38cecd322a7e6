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
            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders");

            migrationBuilder.AddColumn<int>(
                name: "Action",
                table: "ReminderRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IntervalMonths",
                table: "ReminderRules",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductModelIds",
                table: "ReminderRules",
                type: "TEXT",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceTypeId",
                table: "ReminderRules",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToAssignee",
                table: "ReminderRules",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PartCode",
                table: "ModelConsumables",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

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
                name: "ConsumableId",
                table: "DueReminders",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedRequestId",
                table: "DueReminders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceRequestId",
                table: "DueReminders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRules_ServiceTypeId",
                table: "ReminderRules",
                column: "ServiceTypeId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_ServiceRequestId",
                table: "DueReminders",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_ConsumableId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "ConsumableId", "DueDate" },
                unique: true);

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

            migrationBuilder.AddForeignKey(
                name: "FK_ReminderRules_ServiceTypes_ServiceTypeId",
                table: "ReminderRules",
                column: "ServiceTypeId",
                principalTable: "ServiceTypes",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_DueReminders_ServiceRequests_ServiceRequestId",
                table: "DueReminders");

            migrationBuilder.DropForeignKey(
                name: "FK_ReminderRules_ServiceTypes_ServiceTypeId",
                table: "ReminderRules");

            migrationBuilder.DropIndex(
                name: "IX_ReminderRules_ServiceTypeId",
                table: "ReminderRules");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_ServiceRequestId",
                table: "DueReminders");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_ConsumableId_DueDate",
                table: "DueReminders");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_ServiceRequestId_OffsetDays_BasisAt",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "Action",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "IntervalMonths",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "ProductModelIds",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "ServiceTypeId",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "ToAssignee",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "PartCode",
                table: "ModelConsumables");

            migrationBuilder.DropColumn(
                name: "BasisAt",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "ConsumableId",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "CreatedRequestId",
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

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "DueDate" },
                unique: true);
        }
    }
}
