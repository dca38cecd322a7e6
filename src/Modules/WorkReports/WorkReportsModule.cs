using AfterSales.Modules.Service;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.WorkReports;

/// <summary>
/// Work reports (维修记录): the engineer's report of a visit (/requests/{number}/work-report), which moves the request through its
/// workflow; the manager's verification (/verification) and its export; the printable service report with its QR code and the
/// public page the code opens (/report/{code}).
/// </summary>
public static class WorkReportsModule
{
    public static IServiceCollection AddWorkReportsModule(this IServiceCollection services)
    {
        services.AddScoped<WorkReportBook>();
        services.AddScoped<ServiceReportCopies>();
        services.AddSingleton(new RequestPagePart(typeof(WorkReportsPanel), RequestPartPlacement.Section));
        return services;
    }

    public static IEndpointRouteBuilder MapWorkReportDownloads(this IEndpointRouteBuilder app)
    {
        ChargesExport.Map(app);
        return app;
    }
}
