using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Reports (/reports/…: service analysis, response and resolution, engineers, charges, returns to factory, complaints, care) with their .xlsx exports, the figures
/// of the role dashboards, and KPI alerts (/reports/alerts) evaluated by a scanning job that notifies the managers.
/// </summary>
public static class ReportsModule
{
    public static IServiceCollection AddReportsModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<ServiceAnalysis>();
        services.AddScoped<ResolutionReport>();
        services.AddScoped<EngineerRanking>();
        services.AddScoped<ChargesReport>();
        services.AddScoped<RmaReport>();
        services.AddScoped<ComplaintsReport>();
        services.AddScoped<CareReport>();
        services.AddScoped<WorkDashboards>();
        services.AddScoped<ReportOptions>();
        services.AddScoped<DashboardFigures>();
        services.AddScoped<KpiAlerts>();
        services.AddSingleton<KpiAlertScan>();

        // Hourly by default: thresholds are per day or week, and a manager need not hear within minutes. 0 turns it off (tests).
        var seconds = configuration.GetValue("Reports:AlertScanSeconds", 3600);
        services.AddPoll<KpiAlertJob>(KpiAlertJob.Key, seconds);

        return services;
    }

    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        ReportsExport.Map(app);
        CareExports.Map(app);
        return app;
    }
}
