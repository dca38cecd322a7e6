using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Forms;

/// <summary>Custom fields and the form designer: pages under /admin/forms.</summary>
public static class FormsModule
{
    public static IServiceCollection AddFormsModule(this IServiceCollection services)
    {
        services.AddScoped<FormBook>();
        services.AddScoped<FieldLookup>();
        services.AddScoped<FieldChecks>();
        return services;
    }
}
