using AfterSales.Modules.Administration.ApiClients;
using AfterSales.Modules.Administration.Users;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Administration;

/// <summary>Users and roles, API clients, tenant settings and the audit trail of a tenant.</summary>
public static class AdministrationModule
{
    public static IServiceCollection AddAdministrationModule(this IServiceCollection services)
    {
        services.AddScoped<ApiClientService>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<AfterSales.Modules.Service.IAssigneeDirectory, StaffDirectory>();
        return services;
    }
}
