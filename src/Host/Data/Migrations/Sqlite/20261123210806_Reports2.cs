using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Reports2 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RmaJudgements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ServiceRequestId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WarrantyCovered = table.Column<bool>(type: "INTEGER", nullable: true),
                    Responsibility = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    CostSharing = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    By = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
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

            migrationBuilder.CreateIndex(
                name: "IX_RmaJudgements_ServiceRequestId",
                table: "RmaJudgements",
                column: "ServiceRequestId");

            migrationBuilder.CreateIndex(
                name: "IX_RmaJudgements_TenantId_ServiceRequestId",
                table: "RmaJudgements",
                columns: new[] { "TenantId", "ServiceRequestId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RmaJudgements");
        }
    }
}
