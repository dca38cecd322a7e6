using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ServiceAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: false),
                    ResponseHours = table.Column<int>(type: "int", nullable: true),
                    ServiceItems = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ChargingTerms = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    CoversAllUnits = table.Column<bool>(type: "bit", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAgreements_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ServiceAgreementUnits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AgreementId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SerialNumber = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceAgreementUnits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceAgreementUnits_ServiceAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "ServiceAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAgreements_CustomerId",
                table: "ServiceAgreements",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAgreements_TenantId_CustomerId",
                table: "ServiceAgreements",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAgreements_TenantId_Number",
                table: "ServiceAgreements",
                columns: new[] { "TenantId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAgreementUnits_AgreementId",
                table: "ServiceAgreementUnits",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceAgreementUnits_TenantId_SerialNumber",
                table: "ServiceAgreementUnits",
                columns: new[] { "TenantId", "SerialNumber" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceAgreementUnits");

            migrationBuilder.DropTable(
                name: "ServiceAgreements");
        }
    }
}
