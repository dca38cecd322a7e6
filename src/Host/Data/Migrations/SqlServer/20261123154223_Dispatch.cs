using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Dispatch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LastAssignedId",
                table: "AssignmentRules");

            migrationBuilder.AddColumn<int>(
                name: "Pool",
                table: "AssignmentRules",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "RuleSet",
                table: "AssignmentRules",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AssignmentCursors",
                columns: table => new
                {
                    RuleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    LastUserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AssignmentCursors", x => x.RuleId);
                    table.ForeignKey(
                        name: "FK_AssignmentCursors_AssignmentRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "AssignmentRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngineerProfiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ServiceTypeIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CategoryIds = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Regions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    WorkingDays = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CapacityPerDay = table.Column<int>(type: "int", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngineerProfiles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AssignmentCursors_TenantId",
                table: "AssignmentCursors",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_EngineerProfiles_TenantId_UserId",
                table: "EngineerProfiles",
                columns: new[] { "TenantId", "UserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AssignmentCursors");

            migrationBuilder.DropTable(
                name: "EngineerProfiles");

            migrationBuilder.DropColumn(
                name: "Pool",
                table: "AssignmentRules");

            migrationBuilder.DropColumn(
                name: "RuleSet",
                table: "AssignmentRules");

            migrationBuilder.AddColumn<string>(
                name: "LastAssignedId",
                table: "AssignmentRules",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
