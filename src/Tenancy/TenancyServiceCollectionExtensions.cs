using AfterSales.Tenancy.AspNetCore;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Tenancy.Stores;
using AfterSales.Tenancy.Strategies;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AfterSales.Tenancy;

/// <summary>Registration of the tenancy services.</summary>
public static class TenancyServiceCollectionExtensions
{
    /// <summary>Adds the tenant context, resolver and save hook; add strategies and a store on the returned builder.</summary>
    public static TenancyBuilder AddTenancy(this IServiceCollection services, Action<TenancyOptions>? configure = null)
    {
        services.AddOptions<TenancyOptions>();
        if (configure is not null)
        {
            services.Configure(configure);
        }

        services.AddMemoryCache();
        services.TryAddScoped<TenantContext>();
        services.TryAddScoped<ITenantContext>(sp => sp.GetRequiredService<TenantContext>());
        services.TryAddScoped<TenantResolver>();
        services.TryAddSingleton<TenantScopeFactory>();
        services.TryAddSingleton<TenantSaveChangesInterceptor>();
        return new TenancyBuilder(services);
    }

    /// <summary>Adds the resolution middleware. Place it after authentication is configured and before routing.</summary>
    public static IApplicationBuilder UseTenancy(this IApplicationBuilder app) => app.UseMiddleware<TenantResolutionMiddleware>();
}

/// <summary>Fluent registration of strategies (run in the order added) and the store.</summary>
public sealed class TenancyBuilder(IServiceCollection services)
{
    /// <summary>The service collection.</summary>
    public IServiceCollection Services { get; } = services;

    /// <summary>Adds <see cref="RoutePrefixStrategy"/>.</summary>
    public TenancyBuilder WithRoutePrefixStrategy(string segment = "t") => WithStrategy(new RoutePrefixStrategy(segment));

    /// <summary>Adds <see cref="HostStrategy"/> when <paramref name="baseHost"/> is set.</summary>
    public TenancyBuilder WithHostStrategy(string? baseHost) =>
        string.IsNullOrWhiteSpace(baseHost) ? this : WithStrategy(new HostStrategy(baseHost));

    /// <summary>Adds <see cref="ClaimStrategy"/> reading the principal of <paramref name="scheme"/>.</summary>
    public TenancyBuilder WithClaimStrategy(string scheme) => WithStrategy(new ClaimStrategy(scheme));

    /// <summary>Adds a strategy instance.</summary>
    public TenancyBuilder WithStrategy(ITenantResolutionStrategy strategy)
    {
        Services.AddSingleton(strategy);
        return this;
    }

    /// <summary>Uses the EF Core store over <typeparamref name="TContext"/>, cached in memory for <paramref name="timeToLive"/>.</summary>
    public TenancyBuilder WithEfCoreStore<TContext>(TimeSpan? timeToLive = null)
        where TContext : DbContext, ITenantStoreDbContext
    {
        Services.TryAddScoped<EfCoreTenantStore<TContext>>();
        Services.AddScoped<ITenantStore>(sp => new CachedTenantStore(
            sp.GetRequiredService<EfCoreTenantStore<TContext>>(),
            sp.GetRequiredService<IMemoryCache>(),
            timeToLive ?? TimeSpan.FromMinutes(1)));
        return this;
    }
}
