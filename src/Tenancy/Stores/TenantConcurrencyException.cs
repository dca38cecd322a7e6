namespace AfterSales.Tenancy.Stores;

/// <summary>The tenant was changed by someone else since it was loaded; nothing was saved.</summary>
public sealed class TenantConcurrencyException(string identifier, Exception? inner = null)
    : Exception($"Tenant '{identifier}' was changed by someone else; reload and try again.", inner)
{
    /// <summary>The tenant concerned.</summary>
    public string Identifier { get; } = identifier;
}
