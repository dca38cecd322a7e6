using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.Tenancy.EntityFrameworkCore;

/// <summary>Model configuration for tenant isolation.</summary>
public static class TenantModelBuilderExtensions
{
    /// <summary>
    /// Name of the query filter. Named so that <c>IgnoreQueryFilters(["SoftDelete"])</c> can switch off
    /// another filter without switching off isolation.
    /// </summary>
    public const string FilterName = "Tenant";

    /// <summary>
    /// Configures every <see cref="ITenantOwned"/> root entity: a required, indexed <c>TenantId</c> and the
    /// named tenant filter reading <see cref="IMultiTenantDbContext.CurrentTenantId"/> from <paramref name="context"/>.
    /// Call at the end of <c>OnModelCreating</c>, after the module configurations.
    /// </summary>
    public static ModelBuilder ApplyTenantIsolation<TContext>(this ModelBuilder modelBuilder, TContext context)
        where TContext : DbContext, IMultiTenantDbContext
    {
        ArgumentNullException.ThrowIfNull(context);
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType) && t.BaseType is null && !t.IsOwned()))
        {
            var builder = modelBuilder.Entity(entityType.ClrType);
            builder.Property(nameof(ITenantOwned.TenantId)).IsRequired().HasMaxLength(64);
            if (!entityType.GetIndexes().Any(i => i.Properties[0].Name == nameof(ITenantOwned.TenantId)))
            {
                builder.HasIndex(nameof(ITenantOwned.TenantId));
            }

            builder.HasQueryFilter(FilterName, BuildFilter(entityType.ClrType, context));
        }

        EnsureUniqueIndexesIncludeTenant(modelBuilder.Model);
        return modelBuilder;
    }

    /// <summary>
    /// Throws when a unique index of a tenant-owned entity does not include <c>TenantId</c>: such an index
    /// makes one tenant's value collide with another's (and tells the second tenant the first one exists).
    /// </summary>
    public static void EnsureUniqueIndexesIncludeTenant(IMutableModel model)
    {
        var offenders = model.GetEntityTypes()
            .Where(t => typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .SelectMany(t => t.GetIndexes().Where(i => i.IsUnique && i.Properties.All(p => p.Name != nameof(ITenantOwned.TenantId)))
                .Select(i => $"{t.DisplayName()}({string.Join(", ", i.Properties.Select(p => p.Name))})"))
            .ToList();
        if (offenders.Count > 0)
        {
            throw new InvalidOperationException(
                "Unique indexes on tenant-owned entities must include TenantId: " + string.Join("; ", offenders));
        }
    }

    // e => e.TenantId == context.CurrentTenantId, with the context as a constant: EF swaps that constant
    // for the context running each query, which is what keeps the cached model tenant-neutral.
    private static LambdaExpression BuildFilter<TContext>(Type entityType, TContext context)
        where TContext : DbContext, IMultiTenantDbContext
    {
        var entity = Expression.Parameter(entityType, "e");
        var tenantId = Expression.Property(Expression.Convert(entity, typeof(ITenantOwned)), nameof(ITenantOwned.TenantId));
        var current = Expression.Property(Expression.Constant(context, typeof(TContext)), nameof(IMultiTenantDbContext.CurrentTenantId));
        return Expression.Lambda(Expression.Equal(tenantId, current), entity);
    }
}
