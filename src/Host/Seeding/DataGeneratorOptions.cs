namespace AfterSales.Host.Seeding;

/// <summary>What <see cref="DataGenerator"/> creates: tenants, and in each tenant customers, product models, serial numbers and service requests.</summary>
public sealed record DataGeneratorOptions
{
    public int Tenants { get; init; } = 5;
    public int CustomersPerTenant { get; init; } = 200;
    public int SerialsPerTenant { get; init; } = 2000;

    /// <summary>Service requests per tenant over the last two years; with any, the tenant's on-site type gets a published form they fill in.</summary>
    public int RequestsPerTenant { get; init; }

    /// <summary><c>zh-CN</c> or <c>en</c> for every tenant; null mixes two Chinese tenants to one English (Chinese SMBs first).</summary>
    public string? Culture { get; init; }

    /// <summary>The same seed gives the same names, codes and numbers; dates follow the day of generation.</summary>
    public int Seed { get; init; } = 4;

    /// <summary>Tenant identifiers are this prefix and a number (<c>gen0001</c>), the first numbers not yet taken.</summary>
    public string IdentifierPrefix { get; init; } = "gen";

    /// <summary>Password of each tenant's admin (<c>admin@{identifier}.example</c>); null creates none, as hashing costs ~0.1 s a tenant.</summary>
    public string? AdminPassword { get; init; } = DemoSeeder.Password;

    /// <summary>Rows per SaveChanges; each batch is one transaction and then leaves the change tracker.</summary>
    public int BatchSize { get; init; } = 5000;
}
