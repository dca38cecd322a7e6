using System.Globalization;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Reports;

/// <summary>
/// <c>GET /reports/{report}.xlsx?from=…&amp;to=…&amp;type=…</c>: a report's table as the page shows it, under the same filter (the page
/// links here with its own query string). Service analysis has several tables; <c>part=</c> picks one.
/// </summary>
internal static class ReportsExport
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var reports = app.MapGroup("/reports").RequireAuthorization(Policies.Management).ExcludeFromDescription();
        reports.MapGet("/service-analysis.xlsx", ServiceAsync);
        reports.MapGet("/resolution.xlsx", ResolutionAsync);
        reports.MapGet("/engineers.xlsx", EngineersAsync);
        reports.MapGet("/charges.xlsx", ChargesAsync);
    }

    /// <summary>The page's filter from the export link's query string; null when it is not valid.</summary>
    internal static ReportFilter? Filter(HttpContext context, ITenantContext tenant, TimeProvider clock) =>
        ReportFilter.FromQuery(context.Request.QueryString.Value, tenant.Tenant.TodayFor(clock.GetUtcNow())) is { IsValid: true } filter ? filter : null;

    internal static IResult Invalid(IStringLocalizer<ReportText> text) =>
        Results.Problem(text["Filter.Invalid", ReportFilter.MaxDays].Value, statusCode: StatusCodes.Status400BadRequest);

    private static async Task<IResult> ServiceAsync(
        HttpContext context, string? part, ServiceAnalysis analysis, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (Filter(context, tenant, clock) is not { } filter)
        {
            return Invalid(text);
        }

        var result = await analysis.RunAsync(filter, CultureInfo.CurrentUICulture, cancellationToken);
        return part switch
        {
            "categories" => await Counts(result.Categories, text["Service.Category"], text, "fault-categories", cancellationToken),
            "models" => await Counts(result.Models, text["Service.Model"], text, "faulty-models", cancellationToken),
            "warranty" => await Counts(result.Warranty.Select(w => w with { Name = ReportLabels.Warranty(text, w.Key) }).ToList(), text["Service.Warranty"], text, "warranty", cancellationToken),
            "batches" => await ExcelExport.FileAsync(result.Batches,
            [
                (text["Service.Model"], b => b.ModelCode), (text["Service.Batch"], b => b.Batch), (text["Common.Requests"], b => b.Requests),
                (text["Service.Units"], b => b.Units), (text["Service.DefectRate"], b => b.Rate),
            ], "production-batches", cancellationToken),
            _ => await ExcelExport.FileAsync(result.Periods,
                new (string, Func<PeriodVolume, object?>)[] { (text["Common.Period"], p => p.Label) }
                    .Concat(result.Types.Select(t => (t.Name, (Func<PeriodVolume, object?>)(p => p.Of(t.Id)))))
                    .Append((text["Common.Total"], p => p.Total)).ToList(),
                "service-volume", cancellationToken),
        };
    }

    private static Task<IResult> Counts(IReadOnlyList<NamedCount> rows, string header, IStringLocalizer<ReportText> text, string file, CancellationToken cancellationToken) =>
        ExcelExport.FileAsync(rows,
        [
            (header, r => r.Name == "" ? text["Common.None"].Value : r.Name), (text["Common.Requests"], r => r.Count), (text["Common.Share"], r => r.Share),
        ], file, cancellationToken);

    private static async Task<IResult> ResolutionAsync(
        HttpContext context, ResolutionReport report, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (Filter(context, tenant, clock) is not { } filter)
        {
            return Invalid(text);
        }

        var result = await report.RunAsync(filter, CultureInfo.CurrentUICulture, cancellationToken);
        return await ExcelExport.FileAsync(result.ByType,
        [
            (text["Common.Type"], r => r.Type), (text["Common.Requests"], r => r.Requests), (text["Resolution.Closed"], r => r.Closed),
            (text["Resolution.FirstResponseMedian"], r => r.FirstResponse.MedianHours), (text["Resolution.FirstResponseAverage"], r => r.FirstResponse.AverageHours),
            (text["Resolution.ResolveMedian"], r => r.Resolution.MedianHours), (text["Resolution.ResolveAverage"], r => r.Resolution.AverageHours),
            (text["Resolution.SlaKept"], r => r.SlaKept), (text["Resolution.SlaBreached"], r => r.SlaBreached), (text["Resolution.SlaKeptRate"], r => r.SlaKeptRate),
            (text["Resolution.Locked"], r => r.Locked),
        ], "response-resolution", cancellationToken);
    }

    private static async Task<IResult> EngineersAsync(
        HttpContext context, EngineerRanking ranking, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (Filter(context, tenant, clock) is not { } filter)
        {
            return Invalid(text);
        }

        var rows = await ranking.RunAsync(filter, cancellationToken);
        return await ExcelExport.FileAsync(rows.Select((r, i) => (Rank: i + 1, Row: r)),
        [
            (text["Engineers.Rank"], r => r.Rank), (text["Engineers.Engineer"], r => r.Row.Name), (text["Engineers.Requests"], r => r.Row.Requests),
            (text["Engineers.Visits"], r => r.Row.Visits), (text["Engineers.Hours"], r => r.Row.LaborHours), (text["Engineers.Parts"], r => r.Row.PartsUsed),
            (text["Engineers.FirstTimeFix"], r => r.Row.FirstTimeFixRate), (text["Engineers.Csat"], r => r.Row.Csat), (text["Engineers.Rated"], r => r.Row.Rated),
            (text["Engineers.SlaKept"], r => r.Row.SlaKeptRate),
        ], "engineers", cancellationToken);
    }

    private static async Task<IResult> ChargesAsync(
        HttpContext context, ChargesReport report, ITenantContext tenant, TimeProvider clock, IStringLocalizer<ReportText> text, CancellationToken cancellationToken)
    {
        if (Filter(context, tenant, clock) is not { } filter)
        {
            return Invalid(text);
        }

        var result = await report.RunAsync(filter, cancellationToken);
        var rows = result.Periods.SelectMany(p => new[] { (p.Label, State: text["Charges.Verified"].Value, Line: p.Verified), (p.Label, State: text["Charges.Pending"].Value, Line: p.Pending) })
            .Where(r => r.Line.Reports > 0);
        return await ExcelExport.FileAsync(rows,
        [
            (text["Common.Period"], r => r.Label), (text["Charges.State"], r => r.State), (text["Charges.Reports"], r => r.Line.Reports),
            (text["Charges.Labor"], r => r.Line.Labor), (text["Charges.Travel"], r => r.Line.Travel), (text["Charges.Other"], r => r.Line.Other),
            (text["Charges.Parts"], r => r.Line.Parts), (text["Common.Total"], r => r.Line.Total),
        ], "charges", cancellationToken);
    }
}
