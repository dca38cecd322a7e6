using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkflowEngine : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "WorkflowKey",
                table: "ServiceTypes",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "ONSITE");

            migrationBuilder.AlterColumn<string>(
                name: "Status",
                table: "ServiceRequests",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<bool>(
                name: "IsLocked",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "StatusCategory",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "WorkflowKey",
                table: "ServiceRequests",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "WorkflowVersion",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AlterColumn<string>(
                name: "ToStatus",
                table: "RequestEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "FromStatus",
                table: "RequestEvents",
                type: "TEXT",
                maxLength: 32,
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Details",
                table: "RequestEvents",
                type: "TEXT",
                maxLength: 4000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WorkflowInstances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DefinitionKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    DefinitionVersion = table.Column<int>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<long>(type: "INTEGER", nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowInstances", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowTimers",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    InstanceId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TimerKey = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Generation = table.Column<int>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    ClaimToken = table.Column<Guid>(type: "TEXT", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowTimers", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WorkflowVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    NameZh = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Json = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    PublishedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkflowVersions", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_TenantId_StatusCategory_CreatedAt",
                table: "ServiceRequests",
                columns: new[] { "TenantId", "StatusCategory", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowInstances_TenantId_DefinitionKey_DefinitionVersion_Status",
                table: "WorkflowInstances",
                columns: new[] { "TenantId", "DefinitionKey", "DefinitionVersion", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_State_DueAt",
                table: "WorkflowTimers",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowTimers_TenantId_InstanceId_TimerKey_Generation",
                table: "WorkflowTimers",
                columns: new[] { "TenantId", "InstanceId", "TimerKey", "Generation" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_WorkflowVersions_TenantId_Key_Version",
                table: "WorkflowVersions",
                columns: new[] { "TenantId", "Key", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WorkflowInstances");

            migrationBuilder.DropTable(
                name: "WorkflowTimers");

            migrationBuilder.DropTable(
                name: "WorkflowVersions");

            migrationBuilder.DropIndex(
                name: "IX_ServiceRequests_TenantId_StatusCategory_CreatedAt",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "WorkflowKey",
                table: "ServiceTypes");

            migrationBuilder.DropColumn(
                name: "IsLocked",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "StatusCategory",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "WorkflowKey",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "WorkflowVersion",
                table: "ServiceRequests");

            migrationBuilder.DropColumn(
                name: "Details",
                table: "RequestEvents");

            migrationBuilder.AlterColumn<int>(
                name: "Status",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32);

            migrationBuilder.AlterColumn<int>(
                name: "ToStatus",
                table: "RequestEvents",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);

            migrationBuilder.AlterColumn<int>(
                name: "FromStatus",
                table: "RequestEvents",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32,
                oldNullable: true);
        }
    }
}
