using Microsoft.EntityFrameworkCore;

namespace AfterSales.Tenancy.Stores;

/// <summary>Tenant store over an EF Core context. Scoped, like the context.</summary>
public sealed class EfCoreTenantStore<TContext>(TContext context) : ITenantStore
    where TContext : DbContext, ITenantStoreDbContext
{
    /// <inheritdoc />
    public async Task<TenantInfo?> FindByIdentifierAsync(string identifier, CancellationToken cancellationToken = default)
    {
        var normalized = identifier.ToLowerInvariant();
        var tenant = await context.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Identifier == normalized, cancellationToken);
        return tenant?.ToInfo();
    }

    /// <inheritdoc />
    public async Task<TenantInfo?> FindByIdAsync(string id, CancellationToken cancellationToken = default)
    {
        var tenant = await context.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        return tenant?.ToInfo();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Tenant>> GetAllAsync(CancellationToken cancellationToken = default) =>
        await context.Tenants.AsNoTracking().OrderBy(t => t.Identifier).ToListAsync(cancellationToken);

    /// <inheritdoc />
    public Task<Tenant?> GetForEditAsync(string id, CancellationToken cancellationToken = default) =>
        context.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    /// <inheritdoc />
    public async Task AddAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        tenant.Identifier = tenant.Identifier.ToLowerInvariant();
        if (await context.Tenants.AnyAsync(t => t.Identifier == tenant.Identifier, cancellationToken))
        {
            throw new InvalidOperationException($"The identifier '{tenant.Identifier}' is already taken.");
        }

        context.Tenants.Add(tenant);
        await context.SaveChangesAsync(cancellationToken);
        context.Entry(tenant).State = EntityState.Detached;
    }

    /// <inheritdoc />
    public async Task UpdateAsync(Tenant tenant, CancellationToken cancellationToken = default)
    {
        // The stamp the editor loaded is the original value; a row with another stamp was saved by someone else.
        var loadedStamp = tenant.ConcurrencyStamp;
        tenant.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var entry = context.Tenants.Update(tenant);
        entry.Property(t => t.ConcurrencyStamp).OriginalValue = loadedStamp;
        entry.Property(t => t.Identifier).IsModified = false;
        try
        {
            await context.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            tenant.ConcurrencyStamp = loadedStamp;
            throw new TenantConcurrencyException(tenant.Identifier, ex);
        }
        finally
        {
            entry.State = EntityState.Detached;
        }
    }
}
