using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.WorkReports;

/// <summary>
/// <c>GET /work-reports/charges.xlsx?from=…&amp;to=…</c>: verified charges by visit date, one row per report, the sheet an invoice is
/// made from. Only verified reports: what the manager has not accepted is not yet owed.
/// </summary>
internal static class ChargesExport
{
    private const int MaxDays = 366;

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/work-reports/charges.xlsx", ExportAsync).RequireAuthorization(Policies.Management).ExcludeFromDescription();

    private static async Task<IResult> ExportAsync(DateOnly from, DateOnly to, WorkReportBook book, IStringLocalizer<WorkReportText> text, CancellationToken cancellationToken)
    {
        if (to < from || to.DayNumber - from.DayNumber > MaxDays)
        {
            return Results.Problem(text["Export.Period", MaxDays].Value, statusCode: StatusCodes.Status400BadRequest);
        }

        var reports = await book.VerifiedAsync(from, to, cancellationToken);
        var rows = reports.Select(r => (Report: r, Charges: WorkReportRules.Total(r))).ToList();
        return await ExcelExport.FileAsync(rows,
        [
            (text["Verification.Request"], r => r.Report.RequestNumber),
            (text["Export.Visit"], r => r.Report.Visit),
            (text["Report.VisitedOn"], r => r.Report.VisitedOn),
            (text["Print.Engineer"], r => r.Report.EngineerName),
            (text["Report.Result"], r => text["Result." + r.Report.Result].Value),
            (text["Report.LaborHours"], r => r.Report.LaborHours),
            (text["Charges.PartsCharged"], r => r.Charges.PartsCharged),
            (text["Charges.PartsCovered"], r => r.Charges.PartsCovered),
            (text["Report.LaborFee"], r => r.Charges.LaborFee),
            (text["Report.TravelFee"], r => r.Charges.TravelFee),
            (text["Report.OtherFee"], r => r.Charges.OtherFee),
            (text["Charges.Total"], r => r.Charges.Total),
            (text["Export.VerifiedBy"], r => r.Report.VerifiedBy),
            (text["Export.VerifiedAt"], r => r.Report.VerifiedAt),
        ], "verified-charges", cancellationToken);
    }
}
