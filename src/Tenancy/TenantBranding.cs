namespace AfterSales.Tenancy;

/// <summary>How a tenant's shell and portal look.</summary>
public record TenantBranding
{
    /// <summary>Logo as a <c>data:</c> URL (uploaded, size-limited) or an absolute https URL; null for none.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Primary colour as <c>#RRGGBB</c>.</summary>
    public string PrimaryColor { get; set; } = "#1e6fd9";

    /// <summary>Title of the customer portal; falls back to the display name.</summary>
    public string? PortalTitle { get; set; }
}
