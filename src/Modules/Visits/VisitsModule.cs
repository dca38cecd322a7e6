using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Visits;

/// <summary>
/// Return visits and CSAT: the workflow's "create return visit", answering a visit by phone on the request page or by the customer
/// through a signed link (/portal/visit/{token}), and the list of visits to make and made (/visits).
/// </summary>
public static class VisitsModule
{
    public static IServiceCollection AddVisitsModule(this IServiceCollection services)
    {
        services.AddSingleton<VisitLinks>();
        services.AddScoped<ReturnVisits>();
        services.AddScoped<VisitLinkPlaceholder>();
        services.AddScoped<IRequestActionHandler, ReturnVisitCreation>();
        services.AddSingleton(new RequestPagePart(typeof(RequestVisitPanel)));
        return services;
    }
}
