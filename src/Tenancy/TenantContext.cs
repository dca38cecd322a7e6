namespace AfterSales.Tenancy;

/// <summary>
/// Default <see cref="ITenantContext"/>. The tenant can be set once per scope: a second call with a
/// different tenant throws, which is what makes "a circuit can never switch tenant" hold.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    /// <inheritdoc />
    public TenantInfo? Tenant { get; private set; }

    /// <inheritdoc />
    public string? ResolvedBy { get; private set; }

    /// <summary>Sets the tenant for this scope. Setting the same tenant again is allowed (refreshing its snapshot).</summary>
    /// <exception cref="InvalidOperationException">The scope already belongs to another tenant.</exception>
    public void SetTenant(TenantInfo tenant, string resolvedBy)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        if (Tenant is not null && Tenant.Id != tenant.Id)
        {
            throw new InvalidOperationException(
                $"This scope belongs to tenant '{Tenant.Identifier}' and cannot switch to '{tenant.Identifier}'.");
        }

        Tenant = tenant;
        ResolvedBy = resolvedBy;
    }
}
