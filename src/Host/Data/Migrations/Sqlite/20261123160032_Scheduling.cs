using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Scheduling : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Appointments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlannedRequestId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EngineerId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    EngineerName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    AgreedById = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AgreedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    AcceptedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    DepartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ArrivedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CancelledBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CancelReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
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
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Appointments_TenantId_ServiceRequestId",
                table: "Appointments",
                columns: new[] { "TenantId", "ServiceRequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Appointments");
        }
    }
}
