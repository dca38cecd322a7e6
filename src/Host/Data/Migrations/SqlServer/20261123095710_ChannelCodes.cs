using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChannelCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Requests stored the channel as the number of an enum; the previous migration made the column text, so
            // the numbers now read '0'…'4'. They become the codes of the channels every tenant starts with.
            migrationBuilder.Sql("UPDATE ServiceRequests SET Channel = CASE Channel WHEN '0' THEN 'Phone' WHEN '1' THEN 'Email' WHEN '2' THEN 'Portal' WHEN '3' THEN 'Api' WHEN '4' THEN 'WalkIn' ELSE Channel END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("UPDATE ServiceRequests SET Channel = CASE Channel WHEN 'Phone' THEN '0' WHEN 'Email' THEN '1' WHEN 'Portal' THEN '2' WHEN 'Api' THEN '3' WHEN 'WalkIn' THEN '4' ELSE '0' END;");
        }
    }
}
