using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReportPerf : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_Report",
                table: "WorkReports",
                columns: new[] { "TenantId", "VisitedOn", "State", "EngineerId", "Visit", "Result", "LaborHours", "LaborFee", "TravelFee", "OtherFee", "ServiceRequestId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReportParts_Report",
                table: "WorkReportParts",
                columns: new[] { "TenantId", "WorkReportId", "Charged", "Quantity", "UnitPrice" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Report",
                table: "ServiceRequests",
                columns: new[] { "TenantId", "CreatedAt", "Status", "ServiceTypeId", "ClosedAt", "DueAt", "IsLocked", "CategoryId", "ModelCode", "WarrantyState", "SerialNumberId", "Number", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Settled",
                table: "ServiceRequests",
                columns: new[] { "TenantId", "ClosedAt", "AssigneeId", "DueAt", "AssigneeName" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_Report",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "RecordedAt", "Status", "Satisfaction", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_Dissatisfied",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "ServiceRequestId" },
                filter: "Satisfied = 0");

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

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_WorkReports_Report",
                table: "WorkReports");

            migrationBuilder.DropIndex(
                name: "IX_WorkReportParts_Report",
                table: "WorkReportParts");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_Report",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_Settled",
                table: "ServiceRequests");

            migrationBuilder.DropIndex(
                name: "IX_ReturnVisits_Report",
                table: "ReturnVisits");

            migrationBuilder.DropIndex(
                name: "IX_ReturnVisits_Dissatisfied",
                table: "ReturnVisits");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Reopened",
                table: "RequestEvents");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents");
        }
    }
}
