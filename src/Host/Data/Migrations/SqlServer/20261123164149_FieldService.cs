using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class FieldService : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PlannedRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    EngineerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EngineerName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AgreedById = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    AgreedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AgreedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    DepartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ArrivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    CancelledBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    CancelReason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appointments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appointments_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Number = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    DecisionNote = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CarrierCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    ShippedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    OldPartStatus = table.Column<int>(type: "int", nullable: false),
                    OldPartCarrierCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    OldPartTrackingNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    OldPartWaiver = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    AppliedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AppliedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    AppliedByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    LastMovementAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartRequests", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartRequests_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReturnVisits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Attempt = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DueAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<int>(type: "int", nullable: false),
                    Channel = table.Column<int>(type: "int", nullable: true),
                    Solved = table.Column<bool>(type: "bit", nullable: true),
                    Overcharged = table.Column<bool>(type: "bit", nullable: true),
                    Satisfaction = table.Column<int>(type: "int", nullable: true),
                    Comment = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Satisfied = table.Column<bool>(type: "bit", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    RecordedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    RecordedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReturnVisits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReturnVisits_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RequestNumber = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Visit = table.Column<int>(type: "int", nullable: false),
                    EngineerId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    EngineerName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    VisitedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FaultCategoryId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CauseId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Measures = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Result = table.Column<int>(type: "int", nullable: false),
                    LaborHours = table.Column<decimal>(type: "decimal(6,2)", precision: 6, scale: 2, nullable: false),
                    LaborFee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    TravelFee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    OtherFee = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    OtherFeeNote = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CustomerRemark = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    PhotoIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    SignatureKey = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    SignedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    SignedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    State = table.Column<int>(type: "int", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    VerifiedBy = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    VerificationNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    VerificationCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkReports_ServiceRequests_ServiceRequestId",
                        column: x => x.ServiceRequestId,
                        principalTable: "ServiceRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PartRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    By = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    CarrierCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    TrackingNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    PartCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    Amount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartMovements_PartRequests_PartRequestId",
                        column: x => x.PartRequestId,
                        principalTable: "PartRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PartRequestLines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PartRequestId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    LineNo = table.Column<int>(type: "int", nullable: false),
                    SparePartId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    PartCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PartName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Unit = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Quantity = table.Column<int>(type: "int", nullable: false),
                    Charging = table.Column<int>(type: "int", nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    ReturnOldPart = table.Column<bool>(type: "bit", nullable: false),
                    ClaimStatus = table.Column<int>(type: "int", nullable: false),
                    ClaimSupplier = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ClaimAmount = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PartRequestLines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PartRequestLines_PartRequests_PartRequestId",
                        column: x => x.PartRequestId,
                        principalTable: "PartRequests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkReportParts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    WorkReportId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Line = table.Column<int>(type: "int", nullable: false),
                    SparePartId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    UnitPrice = table.Column<decimal>(type: "decimal(18,2)", precision: 18, scale: 2, nullable: false),
                    Charged = table.Column<bool>(type: "bit", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkReportParts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkReportParts_WorkReports_WorkReportId",
                        column: x => x.WorkReportId,
                        principalTable: "WorkReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_ServiceRequestId",
                table: "Appointments",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_Day_EngineerId",
                table: "Appointments",
                columns: new[] { "TenantId", "Day", "EngineerId" });

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_PlannedRequestId",
                table: "Appointments",
                columns: new[] { "TenantId", "PlannedRequestId" },
                unique: true,
                filter: "[PlannedRequestId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_ServiceRequestId",
                table: "Appointments",
                columns: new[] { "TenantId", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartMovements_PartRequestId",
                table: "PartMovements",
                column: "PartRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PartMovements_TenantId_PartRequestId",
                table: "PartMovements",
                columns: new[] { "TenantId", "PartRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartRequestLines_PartRequestId",
                table: "PartRequestLines",
                column: "PartRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PartRequestLines_TenantId_PartRequestId",
                table: "PartRequestLines",
                columns: new[] { "TenantId", "PartRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartRequests_ServiceRequestId",
                table: "PartRequests",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_PartRequests_TenantId_Number",
                table: "PartRequests",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PartRequests_TenantId_ServiceRequestId",
                table: "PartRequests",
                columns: new[] { "TenantId", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_PartRequests_TenantId_Status_LastMovementAt",
                table: "PartRequests",
                columns: new[] { "TenantId", "Status", "LastMovementAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_OnePending",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "ServiceRequestId" },
                unique: true,
                filter: "Status = 0");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_ServiceRequestId",
                table: "ReturnVisits",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnVisits_TenantId_Status_DueAt",
                table: "ReturnVisits",
                columns: new[] { "TenantId", "Status", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReportParts_TenantId_WorkReportId",
                table: "WorkReportParts",
                columns: new[] { "TenantId", "WorkReportId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReportParts_WorkReportId",
                table: "WorkReportParts",
                column: "WorkReportId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_ServiceRequestId",
                table: "WorkReports",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_TenantId_ServiceRequestId",
                table: "WorkReports",
                columns: new[] { "TenantId", "ServiceRequestId" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_TenantId_State_SubmittedAt",
                table: "WorkReports",
                columns: new[] { "TenantId", "State", "SubmittedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkReports_TenantId_VerificationCode",
                table: "WorkReports",
                columns: new[] { "TenantId", "VerificationCode" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");

            migrationBuilder.DropTable(
                name: "PartMovements");

            migrationBuilder.DropTable(
                name: "PartRequestLines");

            migrationBuilder.DropTable(
                name: "ReturnVisits");

            migrationBuilder.DropTable(
                name: "WorkReportParts");

            migrationBuilder.DropTable(
                name: "PartRequests");

            migrationBuilder.DropTable(
                name: "WorkReports");
        }
    }
}
