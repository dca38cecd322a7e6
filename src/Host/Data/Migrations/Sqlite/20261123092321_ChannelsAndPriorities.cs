using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ChannelsAndPriorities : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "Channel",
                table: "ServiceRequests",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            // Requests stored the channel as the number of an enum; they now store the channel's code.
            migrationBuilder.Sql("UPDATE ServiceRequests SET Channel = CASE CAST(Channel AS TEXT) WHEN '0' THEN 'Phone' WHEN '1' THEN 'Email' WHEN '2' THEN 'Portal' WHEN '3' THEN 'Api' WHEN '4' THEN 'WalkIn' ELSE CAST(Channel AS TEXT) END;");

            migrationBuilder.AddColumn<string>(
                name: "Code",
                table: "DictionaryEntries",
                type: "TEXT",
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DictionaryEntries_TenantId_Kind_Code",
                table: "DictionaryEntries",
                columns: new[] { "TenantId", "Kind", "Code" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DictionaryEntries_TenantId_Kind_Code",
                table: "DictionaryEntries");

            migrationBuilder.DropColumn(
                name: "Code",
                table: "DictionaryEntries");

            migrationBuilder.Sql("UPDATE ServiceRequests SET Channel = CASE Channel WHEN 'Phone' THEN '0' WHEN 'Email' THEN '1' WHEN 'Portal' THEN '2' WHEN 'Api' THEN '3' WHEN 'WalkIn' THEN '4' ELSE '0' END;");

            migrationBuilder.AlterColumn<int>(
                name: "Channel",
                table: "ServiceRequests",
                type: "INTEGER",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldMaxLength: 32);
        }
    }
}
