using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RemindersAndKnowledge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "KnowledgeArticles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    TitleZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false),
                    Symptom = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Cause = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Solution = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Tags = table.Column<string>(type: "TEXT", nullable: false),
                    ProductModelIds = table.Column<string>(type: "TEXT", nullable: false),
                    FaultCategoryIds = table.Column<string>(type: "TEXT", nullable: false),
                    State = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Visibility = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ViewCount = table.Column<int>(type: "INTEGER", nullable: false),
                    HelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NotHelpfulCount = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeArticles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReminderRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    OffsetDays = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    ToCustomer = table.Column<bool>(type: "INTEGER", nullable: false),
                    StaffRole = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Channels = table.Column<int>(type: "INTEGER", nullable: false),
                    SubjectZh = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    SubjectEn = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    BodyZh = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    BodyEn = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    QuietFrom = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    QuietUntil = table.Column<TimeOnly>(type: "TEXT", nullable: true),
                    IsEnabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    PlannedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReminderRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "KnowledgeTerms",
                columns: table => new
                {
                    ArticleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Term = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Weight = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_KnowledgeTerms", x => new { x.ArticleId, x.Term });
                    table.ForeignKey(
                        name: "FK_KnowledgeTerms_KnowledgeArticles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "KnowledgeArticles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "DueReminders",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RuleId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SerialNumberId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OffsetDays = table.Column<int>(type: "INTEGER", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: false),
                    State = table.Column<int>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OutboxMessageId = table.Column<long>(type: "INTEGER", nullable: true),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DueReminders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DueReminders_OutboxMessages_OutboxMessageId",
                        column: x => x.OutboxMessageId,
                        principalTable: "OutboxMessages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_DueReminders_ReminderRules_RuleId",
                        column: x => x.RuleId,
                        principalTable: "ReminderRules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DueReminders_SerialNumbers_SerialNumberId",
                        column: x => x.SerialNumberId,
                        principalTable: "SerialNumbers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_OutboxMessageId",
                table: "DueReminders",
                column: "OutboxMessageId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_RuleId",
                table: "DueReminders",
                column: "RuleId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_SerialNumberId",
                table: "DueReminders",
                column: "SerialNumberId");

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_State_DueAt",
                table: "DueReminders",
                columns: new[] { "State", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_SerialNumberId_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "SerialNumberId", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DueReminders_TenantId_RuleId_State_DueDate",
                table: "DueReminders",
                columns: new[] { "TenantId", "RuleId", "State", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_TenantId_Category",
                table: "KnowledgeArticles",
                columns: new[] { "TenantId", "Category" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeArticles_TenantId_State_UpdatedAt",
                table: "KnowledgeArticles",
                columns: new[] { "TenantId", "State", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_KnowledgeTerms_TenantId_Term",
                table: "KnowledgeTerms",
                columns: new[] { "TenantId", "Term" });

            migrationBuilder.CreateIndex(
                name: "IX_ReminderRules_TenantId_Name",
                table: "ReminderRules",
                columns: new[] { "TenantId", "Name" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DueReminders");

            migrationBuilder.DropTable(
                name: "KnowledgeTerms");

            migrationBuilder.DropTable(
                name: "ReminderRules");

            migrationBuilder.DropTable(
                name: "KnowledgeArticles");
        }
    }
}
