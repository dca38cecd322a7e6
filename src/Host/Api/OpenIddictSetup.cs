using AfterSales.Host.Data;

namespace AfterSales.Host.Api;

public static class OpenIddictSetup
{
    public static IServiceCollection AddApiAuthorizationServer(this IServiceCollection services, IHostEnvironment environment)
    {
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                // Keys are per process for now: a restart or another replica makes clients fetch a new token,
                // which client-credentials clients do anyway. Shared keys come with the scale-out work.
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (!environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Every API call checks the token's entry, so revoking a client stops its tokens at once.
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        return services;
    }
}
