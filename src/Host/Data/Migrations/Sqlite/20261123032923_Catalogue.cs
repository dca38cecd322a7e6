using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Catalogue : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "CategoryId",
                table: "ProductModels",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConcurrencyStamp",
                table: "ProductModels",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Description",
                table: "ProductModels",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ModelConsumables",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ProductModelId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    LifetimeDays = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModelConsumables", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ModelConsumables_ProductModels_ProductModelId",
                        column: x => x.ProductModelId,
                        principalTable: "ProductModels",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ProductCategories",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProductCategories", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SpareParts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Specification = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Price = table.Column<decimal>(type: "TEXT", precision: 12, scale: 2, nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ConcurrencyStamp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpareParts", x => x.Id);
                });

            // Categories were free text on each model: each distinct text becomes a category of its tenant.
            migrationBuilder.Sql("""
                INSERT INTO ProductCategories (Id, TenantId, Name, SortOrder)
                SELECT upper(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(2)) || '-' || hex(randomblob(6))),
                       TenantId, Category, 0
                FROM (SELECT DISTINCT TenantId, Category FROM ProductModels WHERE Category IS NOT NULL AND trim(Category) <> '');
                UPDATE ProductModels SET CategoryId =
                    (SELECT c.Id FROM ProductCategories c WHERE c.TenantId = ProductModels.TenantId AND c.Name = ProductModels.Category)
                WHERE Category IS NOT NULL;
                UPDATE ProductModels SET ConcurrencyStamp = lower(hex(randomblob(16)));
                """);

            migrationBuilder.DropColumn(
                name: "Category",
                table: "ProductModels");

            migrationBuilder.CreateIndex(
                name: "IX_ProductModels_CategoryId",
                table: "ProductModels",
                column: "CategoryId");

            migrationBuilder.CreateIndex(
                name: "IX_ProductModels_TenantId_CategoryId",
                table: "ProductModels",
                columns: new[] { "TenantId", "CategoryId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModelConsumables_ProductModelId",
                table: "ModelConsumables",
                column: "ProductModelId");

            migrationBuilder.CreateIndex(
                name: "IX_ModelConsumables_TenantId_ProductModelId",
                table: "ModelConsumables",
                columns: new[] { "TenantId", "ProductModelId" });

            migrationBuilder.CreateIndex(
                name: "IX_ProductCategories_TenantId_Name",
                table: "ProductCategories",
                columns: new[] { "TenantId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpareParts_TenantId_Code",
                table: "SpareParts",
                columns: new[] { "TenantId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpareParts_TenantId_Name",
                table: "SpareParts",
                columns: new[] { "TenantId", "Name" });

            migrationBuilder.AddForeignKey(
                name: "FK_ProductModels_ProductCategories_CategoryId",
                table: "ProductModels",
                column: "CategoryId",
                principalTable: "ProductCategories",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_ProductModels_ProductCategories_CategoryId",
                table: "ProductModels");

            migrationBuilder.DropTable(
                name: "ModelConsumables");

            migrationBuilder.DropTable(
                name: "ProductCategories");

            migrationBuilder.DropTable(
                name: "SpareParts");

            migrationBuilder.DropIndex(
                name: "IX_ProductModels_CategoryId",
                table: "ProductModels");

            migrationBuilder.DropIndex(
                name: "IX_ProductModels_TenantId_CategoryId",
                table: "ProductModels");

            migrationBuilder.DropColumn(
                name: "CategoryId",
                table: "ProductModels");

            migrationBuilder.DropColumn(
                name: "ConcurrencyStamp",
                table: "ProductModels");

            migrationBuilder.DropColumn(
                name: "Description",
                table: "ProductModels");

            migrationBuilder.AddColumn<string>(
                name: "Category",
                table: "ProductModels",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
