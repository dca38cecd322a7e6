using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// Scheduling: visits agreed for requests and the engineer's steps on them (on the request page), the team calendar
/// (/calendar) and the engineer's day on the phone (/my-work).
/// </summary>
public static class SchedulingModule
{
    public static IServiceCollection AddSchedulingModule(this IServiceCollection services)
    {
        services.AddScoped<AppointmentBook>();
        services.AddScoped<VisitProgress>();
        services.AddScoped<TeamCalendar>();
        services.AddScoped<MyWork>();
        services.AddScoped<IRequestStepObserver, PlannedVisitKeeper>();
        services.AddSingleton(new RequestPagePart(typeof(RequestAppointmentPanel)));
        return services;
    }
}
