using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class PortalBillingReportsCare : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders");

            migrationBuilder.AddColumn<string>(
                name: "ContactAddress",
                table: "Tenants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Tenants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactHours",
                table: "Tenants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Tenants",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortalCulture",
                table: "Tenants",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PortalWelcomeText",
                table: "Tenants",
                type: "nvarchar(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Action",
                table: "ReminderRules",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "IntervalMonths",
                table: "ReminderRules",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProductModelIds",
                table: "ReminderRules",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceTypeId",
                table: "ReminderRules",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToAssignee",
                table: "ReminderRules",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "PartCode",
                table: "ModelConsumables",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "SerialNumberId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "BasisAt",
                table: "DueReminders",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ConsumableId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "CreatedRequestId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "ServiceRequestId",
                table: "DueReminders",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "KnowledgeArticleFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    ArticleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    StorageKey = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticleFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_KnowledgeArticleFiles_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "KpiAlertRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(24)", maxLength: 24, nullable: false),
                    Threshold = table.Column<double>(type: "float", nullable: false),
                    IsEnabled = table.Column<bool>(type: "bit", nullable: false),
                    NotifiedPeriod = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    NotifiedValue = table.Column<double>(type: "float", nullable: true),
                    NotifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KpiAlertRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "PendingSignUps",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Identifier = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CompanyName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    AdminName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    Culture = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    TokenHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConfirmedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PendingSignUps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plans",
                columns: table => new
                {
                    Code = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    NameEn = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    MonthlyPrice = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    YearlyPrice = table.Column<decimal>(type: "decimal(12,2)", precision: 12, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    StripeMonthlyPriceId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StripeYearlyPriceId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StaffSeats = table.Column<int>(type: "int", nullable: true),
                    Engineers = table.Column<int>(type: "int", nullable: true),
                    SerialNumbers = table.Column<int>(type: "int", nullable: true),
                    StorageMb = table.Column<int>(type: "int", nullable: true),
                    ApiCallsPerDay = table.Column<int>(type: "int", nullable: true),
                    ReminderEmailsPerMonth = table.Column<int>(type: "int", nullable: true),
                    CustomWorkflows = table.Column<bool>(type: "bit", nullable: false),
                    PortalBranding = table.Column<bool>(type: "bit", nullable: false),
                    ApiAccess = table.Column<bool>(type: "bit", nullable: false),
                    Subdomain = table.Column<bool>(type: "bit", nullable: false),
                    SortOrder = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plans", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "PortalAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CustomerId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Email = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    NormalizedEmail = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    PasswordHash = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: true),
                    EmailConfirmed = table.Column<bool>(type: "bit", nullable: false),
                    FailedAttempts = table.Column<int>(type: "int", nullable: false),
                    LockedUntil = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    SecurityStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSignInAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PortalAccounts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PortalAccounts_Customers_CustomerId",
                        column: x => x.CustomerId,
                        principalTable: "Customers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StripeEvents",
                columns: table => new
                {
                    Id = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    Error = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true),
                    SubscriptionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StripeEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TenantSubscriptions",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    PlanCode = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    TrialEndsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    PastDueSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    StripeCustomerId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    StripeSubscriptionId = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    CurrentPeriodEnd = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TenantSubscriptions", x => x.TenantId);
                    table.ForeignKey(
                        name: "FK_TenantSubscriptions_Plans_PlanCode",
                        column: x => x.PlanCode,
                        principalTable: "Plans",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TenantSubscriptions_Tenants_TenantId",
                        column: x => x.TenantId,
                        principalTable: "Tenants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                table: "Plans",
                columns: new[] { "Code", "ApiAccess", "ApiCallsPerDay", "Currency", "CustomWorkflows", "Engineers", "MonthlyPrice", "NameEn", "NameZh", "PortalBranding", "ReminderEmailsPerMonth", "SerialNumbers", "SortOrder", "StaffSeats", "StorageMb", "StripeMonthlyPriceId", "StripeYearlyPriceId", "Subdomain", "YearlyPrice" },
                values: new object[,]
                {
                    { "professional", true, 200000, "CNY", true, 100, 1999m, "Professional", "专业版", true, 50000, 500000, 30, 50, 102400, null, null, true, 19990m },
                    { "standard", true, 20000, "CNY", false, 10, 699m, "Standard", "标准版", true, 5000, 20000, 20, 10, 10240, null, null, false, 6990m },
                    { "trial", true, 1000, "CNY", false, 2, 0m, "Free trial", "免费试用", true, 200, 500, 10, 3, 500, null, null, false, 0m }
                });

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
                unique: true,
                filter: "[SerialNumberId] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_ServiceRequestId_OffsetDays_BasisAt",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "ServiceRequestId", "OffsetDays", "BasisAt" },
                unique: true,
                filter: "[ServiceRequestId] IS NOT NULL AND [BasisAt] IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticleFiles_ArticleId",
                table: "KnowledgeArticleFiles",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticleFiles_TenantId_ArticleId",
                table: "KnowledgeArticleFiles",
                columns: new[] { "TenantId", "ArticleId" });

            migrationBuilder.CreateIndex(
                name: "IX_KpiAlertRules_TenantId_Kind",
                table: "KpiAlertRules",
                columns: new[] { "TenantId", "Kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PendingSignUps_Identifier",
                table: "PendingSignUps",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_PendingSignUps_TokenHash",
                table: "PendingSignUps",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_CustomerId",
                table: "PortalAccounts",
                column: "CustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_TenantId_CustomerId",
                table: "PortalAccounts",
                columns: new[] { "TenantId", "CustomerId" });

            migrationBuilder.CreateIndex(
                name: "IX_PortalAccounts_TenantId_NormalizedEmail",
                table: "PortalAccounts",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StripeEvents_ReceivedAt",
                table: "StripeEvents",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_TenantSubscriptions_PlanCode",
                table: "TenantSubscriptions",
                column: "PlanCode");

            migrationBuilder.CreateIndex(
                name: "IX_TenantSubscriptions_StripeCustomerId",
                table: "TenantSubscriptions",
                column: "StripeCustomerId");

            migrationBuilder.CreateIndex(
                name: "IX_TenantSubscriptions_StripeSubscriptionId",
                table: "TenantSubscriptions",
                column: "StripeSubscriptionId");

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

            migrationBuilder.DropTable(
                name: "KnowledgeArticleFiles");

            migrationBuilder.DropTable(
                name: "KpiAlertRules");

            migrationBuilder.DropTable(
                name: "PendingSignUps");

            migrationBuilder.DropTable(
                name: "PortalAccounts");

            migrationBuilder.DropTable(
                name: "StripeEvents");

            migrationBuilder.DropTable(
                name: "TenantSubscriptions");

            migrationBuilder.DropTable(
                name: "Plans");

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
                name: "ContactAddress",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ContactHours",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "PortalCulture",
                table: "Tenants");

            migrationBuilder.DropColumn(
                name: "PortalWelcomeText",
                table: "Tenants");

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
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uniqueidentifier",
                oldNullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "DueDate" },
                unique: true);
        }
    }
}
