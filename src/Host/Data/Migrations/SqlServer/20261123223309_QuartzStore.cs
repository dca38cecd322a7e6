using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class QuartzStore : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The Quartz job store of Quartz:Store=Database: jobs, triggers and fire times survive restarts.
            AfterSales.Host.Data.QuartzSchema.Create(migrationBuilder, AfterSales.Host.Data.QuartzSchema.SqlServer);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            AfterSales.Host.Data.QuartzSchema.Drop(migrationBuilder);
        }
    }
}
