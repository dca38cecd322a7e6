using System.Globalization;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Reports;

/// <summary>
/// <c>GET /reports/returns.xlsx</c>, <c>/reports/complaints.xlsx</c>, <c>/reports/care.xlsx</c>: the tables of the return-to-factory,
/// complaints and care reports under the page's filter; <c>part=</c> picks a table where a report has several.
/// </summary>
internal static class CareExports
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization(Policies.Management).ExcludeFromDescription();
        reports.MapGet("/returns.xlsx", ReturnsAsync);
        reports.MapGet("/complaints.xlsx", ComplaintsAsync);
        reports.MapGet("/care.xlsx", CareAsync);
    }

    private static async Task<IResult> ReturnsAsync(
        HttpContext context, string? part, RmaReport report, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (ReportsExport.Filter(context, tenant, clock) is not { } filter)
        {
            return ReportsExport.Invalid(text);
        }

        var result = await report.RunAsync(filter, cancellationToken);
        return part switch
        {
            "responsibility" => await Named(result.Responsibility, text["Rma.Responsibility"], text, "rma-responsibility", cancellationToken),
            "cost-sharing" => await Named(result.CostSharing, text["Rma.CostSharing"], text, "rma-cost-sharing", cancellationToken),
            "volume" => await ExcelExport.FileAsync(result.Periods,
                [(text["Common.Period"], p => p.Label), (text["Rma.Returns"], p => p.Count)], "rma-volume", cancellationToken),
            _ => await ExcelExport.FileAsync(result.Steps,
            [
                (text["Rma.Step"], s => s.Name), (text["Common.Requests"], s => s.Time.Count),
                (text["Rma.MedianHours"], s => s.Time.MedianHours), (text["Rma.AverageHours"], s => s.Time.AverageHours),
            ], "rma-turnaround", cancellationToken),
        };
    }

    private static Task<IResult> Named(IReadOnlyList<NamedCount> rows, string header, IStringLocalizer<ReportText> text, string file, CancellationToken cancellationToken) =>
        ExcelExport.FileAsync(rows,
        [
            (header, r => r.Name == "" ? text["Common.None"].Value : r.Name), (text["Common.Requests"], r => r.Count), (text["Common.Share"], r => r.Share),
        ], file, cancellationToken);

    private static async Task<IResult> ComplaintsAsync(
        HttpContext context, string? part, ComplaintsReport report, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (ReportsExport.Filter(context, tenant, clock) is not { } filter)
        {
            return ReportsExport.Invalid(text);
        }

        var result = await report.RunAsync(filter, CultureInfo.CurrentUICulture, cancellationToken);
        return part == "trend"
            ? await ExcelExport.FileAsync(result.Periods, [(text["Common.Period"], p => p.Label), (text["Complaints.Complaints"], p => p.Count)], "complaints-trend", cancellationToken)
            : await ExcelExport.FileAsync(result.Categories,
            [
                (text["Complaints.Category"], c => c.Name == "" ? text["Common.None"].Value : c.Name), (text["Common.Requests"], c => c.Requests), (text["Common.Share"], c => c.Share),
                (text["Complaints.Closed"], c => c.Closed), (text["Complaints.HandlingMedian"], c => c.Handling.MedianHours),
                (text["Complaints.Answers"], c => c.Answers), (text["Complaints.Csat"], c => c.Csat),
            ], "complaints", cancellationToken);
    }

    private static async Task<IResult> CareAsync(
        HttpContext context, string? part, CareReport report, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (ReportsExport.Filter(context, tenant, clock) is not { } filter)
        {
            return ReportsExport.Invalid(text);
        }

        var result = await report.RunAsync(filter, cancellationToken);
        return part switch
        {
            "reminders" => await ExcelExport.FileAsync(result.Reminders,
            [
                (text["Care.Kind"], r => text["Care.Kind." + r.Kind].Value), (text["Care.Channel"], r => text["Care.Channel." + r.Channel].Value),
                (text["Care.Written"], r => r.Written), (text["Care.Delivered"], r => r.Delivered), (text["Care.Failed"], r => r.Failed),
            ], "care-reminders", cancellationToken),
            "extensions" => await ExcelExport.FileAsync(result.Extensions,
            [
                (text["Service.Model"], x => x.ModelCode), (text["Care.ModelName"], x => x.ModelName), (text["Care.ExtensionsSold"], x => x.Count), (text["Care.Fees"], x => x.Fees),
            ], "care-warranty-extensions", cancellationToken),
            "consumables" => await ExcelExport.FileAsync(result.Consumables,
            [
                (text["Service.Model"], c => c.ModelCode), (text["Care.Consumable"], c => c.Name), (text["Care.Replacements"], c => c.Replacements), (text["Care.Quantity"], c => c.Quantity),
            ], "care-consumables", cancellationToken),
            _ => await ExcelExport.FileAsync(result.Periods,
            [
                (text["Common.Period"], p => p.Label), (text["Care.RemindersSent"], p => p.Reminders), (text["Care.ExtensionsSold"], p => p.Extensions),
                (text["Care.MaintenanceDue"], p => p.MaintenanceDue), (text["Care.MaintenanceDone"], p => p.MaintenanceDone), (text["Care.Replacements"], p => p.Consumables),
            ], "care", cancellationToken),
        };
    }
}
