using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportAndReminderScanIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkReports_TenantId_ServiceRequestId",
                table: "WorkReports");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Reopened",
                table: "RequestEvents");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents");

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_TenantId_ServiceRequestId_Visit_State_Result",
                table: "WorkReports",
                columns: new[] { "TenantId", "ServiceRequestId", "Visit", "State", "Result" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents",
                columns: new[] { "TenantId", "ServiceRequestId", "Kind", "At", "ByUserId", "FromStatus" });

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_State_DueAt",
                table: "DueReminders",
                columns: new[] { "TenantId", "State", "DueAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkReports_TenantId_ServiceRequestId_Visit_State_Result",
                table: "WorkReports");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_State_DueAt",
                table: "DueReminders");

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_TenantId_ServiceRequestId",
                table: "WorkReports",
                columns: new[] { "TenantId", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Reopened",
                table: "RequestEvents",
                columns: new[] { "TenantId", "ServiceRequestId" },
                filter: "Kind = 1 AND FromStatus = 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents",
                columns: new[] { "TenantId", "ServiceRequestId", "Kind", "At", "ByUserId" });
        }
    }
}
