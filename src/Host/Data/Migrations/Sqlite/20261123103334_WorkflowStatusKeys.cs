using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace AfterSales.Host.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class WorkflowStatusKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Requests stored their status as the number of the closed loop's enum; the previous migration made the columns text,
            // so the numbers now read '0'…'7'. They become the status keys of the default workflows (which reuse the enum's
            // names), each request is pinned to version 1 of its type's workflow, and the engine adopts it where it stands.
            const string keys = "CASE {0} WHEN '0' THEN 'WaitingForAssignment' WHEN '1' THEN 'OnHold' WHEN '2' THEN 'Assigned' WHEN '3' THEN 'Processed' "
                + "WHEN '4' THEN 'ReturnVisit' WHEN '5' THEN 'Closed' WHEN '6' THEN 'Locked' WHEN '7' THEN 'Cancelled' ELSE {0} END";
            migrationBuilder.Sql("UPDATE ServiceTypes SET WorkflowKey = Code WHERE Code IN ('CONSULT', 'REMOTE', 'ONSITE', 'RMA', 'COMPLAINT');");
            migrationBuilder.Sql($"UPDATE ServiceRequests SET Status = {string.Format(keys, "Status")};");
            migrationBuilder.Sql("UPDATE ServiceRequests SET "
                + "StatusCategory = CASE Status WHEN 'WaitingForAssignment' THEN 0 WHEN 'OnHold' THEN 2 WHEN 'Closed' THEN 3 WHEN 'Cancelled' THEN 3 ELSE 1 END, "
                + "IsLocked = CASE WHEN Status = 'Locked' THEN 1 ELSE 0 END, "
                + "WorkflowKey = (SELECT t.WorkflowKey FROM ServiceTypes t WHERE t.Id = ServiceRequests.ServiceTypeId), "
                + "WorkflowVersion = 1;");
            migrationBuilder.Sql($"UPDATE RequestEvents SET FromStatus = {string.Format(keys, "FromStatus")}, ToStatus = {string.Format(keys, "ToStatus")};");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            const string numbers = "CASE {0} WHEN 'WaitingForAssignment' THEN '0' WHEN 'OnHold' THEN '1' WHEN 'Assigned' THEN '2' WHEN 'Processed' THEN '3' "
                + "WHEN 'ReturnVisit' THEN '4' WHEN 'Closed' THEN '5' WHEN 'Locked' THEN '6' WHEN 'Cancelled' THEN '7' ELSE NULL END";
            migrationBuilder.Sql($"UPDATE ServiceRequests SET Status = COALESCE({string.Format(numbers, "Status")}, '2');");
            migrationBuilder.Sql($"UPDATE RequestEvents SET FromStatus = {string.Format(numbers, "FromStatus")}, ToStatus = {string.Format(numbers, "ToStatus")};");
        }
    }
}
