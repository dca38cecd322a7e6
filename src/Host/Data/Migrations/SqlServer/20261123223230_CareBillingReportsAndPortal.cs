using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CareBillingReportsAndPortal : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SignatureSize",
                table: "WorkReports",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<Guid>(
                name: "RobotEndpointId",
                table: "ReminderRules",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "CustomerId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "Birthday",
                table: "Customers",
                type: "date",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CareEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    Description = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Points = table.Column<int>(type: "int", nullable: true),
                    ByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ByName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CareEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CareEntries_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FollowUpTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SerialNumberId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    RuleId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AssigneeId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    AssigneeName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    AssigneeRole = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    IsDone = table.Column<bool>(type: "bit", nullable: false),
                    Notes = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    DoneAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DoneBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FollowUpTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FollowUpTasks_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RmaJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WarrantyCovered = table.Column<bool>(type: "bit", nullable: true),
                    Responsibility = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CostSharing = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RmaJudgements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RmaJudgements_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SupportGrants",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Role = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    GrantedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    GrantedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    GrantedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    RevokedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RevokedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportGrants", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SupportVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    GrantId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OperatorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OperatorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupportVisits", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenantMailSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Host = table.Column<string>(type: "nvarchar(253)", maxLength: 253, nullable: false),
                    Port = table.Column<int>(type: "int", nullable: false),
                    Tls = table.Column<int>(type: "int", nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ProtectedPassword = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    FromAddress = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    FromName = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: true),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantMailSettings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UsageCounters",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Meter = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Period = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UsageCounters", x => new { x.TenantId, x.Meter, x.Period });
                    table.ForeignKey(
                        name: "FK_UsageCounters_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

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
                name: "IX_ReturnVisits_Dissatisfied",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "ServiceRequestId" },
                filter: "Satisfied = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_Report",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "RecordedAt", "Status", "Satisfaction", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Reopened",
                table: "RequestEvents",
                columns: new[] { "TenantId", "ServiceRequestId" },
                filter: "Kind = 1 AND FromStatus = 'Closed'");

            migrationBuilder.CreateIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents",
                columns: new[] { "TenantId", "ServiceRequestId", "Kind", "At", "ByUserId" });

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_CustomerId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "CustomerId", "DueDate" },
                unique: true,
                filter: "[CustomerId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CareEntries_CustomerId",
                table: "CareEntries",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_CareEntries_TenantId_CustomerId_Date",
                table: "CareEntries",
                columns: new[] { "TenantId", "CustomerId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_CustomerId",
                table: "FollowUpTasks",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_TenantId_CustomerId",
                table: "FollowUpTasks",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_FollowUpTasks_TenantId_IsDone_DueDate",
                table: "FollowUpTasks",
                columns: new[] { "TenantId", "IsDone", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_RmaJudgements_ServiceRequestId",
                table: "RmaJudgements",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RmaJudgements_TenantId_ServiceRequestId",
                table: "RmaJudgements",
                columns: new[] { "TenantId", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportGrants_ExpiresAt",
                table: "SupportGrants",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_SupportGrants_TenantId_ExpiresAt",
                table: "SupportGrants",
                columns: new[] { "TenantId", "ExpiresAt" });

            migrationBuilder.CreateIndex(
                name: "IX_SupportVisits_TenantId_GrantId_OperatorId",
                table: "SupportVisits",
                columns: new[] { "TenantId", "GrantId", "OperatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TenantMailSettings_TenantId",
                table: "TenantMailSettings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CareEntries");

            migrationBuilder.DropTable(
                name: "FollowUpTasks");

            migrationBuilder.DropTable(
                name: "RmaJudgements");

            migrationBuilder.DropTable(
                name: "SupportGrants");

            migrationBuilder.DropTable(
                name: "SupportVisits");

            migrationBuilder.DropTable(
                name: "TenantMailSettings");

            migrationBuilder.DropTable(
                name: "UsageCounters");

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
                name: "IX_ReturnVisits_Dissatisfied",
                table: "ReturnVisits");

            migrationBuilder.DropIndex(
                name: "IX_ReturnVisits_Report",
                table: "ReturnVisits");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Reopened",
                table: "RequestEvents");

            migrationBuilder.DropIndex(
                name: "IX_RequestEvents_Report",
                table: "RequestEvents");

            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_CustomerId_DueDate",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "SignatureSize",
                table: "WorkReports");

            migrationBuilder.DropColumn(
                name: "RobotEndpointId",
                table: "ReminderRules");

            migrationBuilder.DropColumn(
                name: "CustomerId",
                table: "DueReminders");

            migrationBuilder.DropColumn(
                name: "Birthday",
                table: "Customers");
        }
    }
}
