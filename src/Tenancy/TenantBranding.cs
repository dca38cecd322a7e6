namespace AfterSales.Tenancy;

/// <summary>How a tenant's shell and portal look, and what its portal tells customers about it.</summary>
public record TenantBranding
{
    /// <summary>Longest welcome text, in characters.</summary>
    public const int WelcomeTextLength = 1000;

    /// <summary>Longest contact detail (phone, e-mail, address, hours), in characters.</summary>
    public const int ContactLength = 200;

    /// <summary>Logo as a <c>data:</c> URL (uploaded, size-limited) or an absolute https URL; null for none.</summary>
    public string? LogoUrl { get; set; }

    /// <summary>Primary colour as <c>#RRGGBB</c>.</summary>
    public string PrimaryColor { get; set; } = "#1e6fd9";

    /// <summary>Title of the customer portal; falls back to the display name.</summary>
    public string? PortalTitle { get; set; }

    /// <summary>Plain text greeting on the portal's home page; none shows a generic one.</summary>
    public string? WelcomeText { get; set; }

    /// <summary>Language of the portal for a customer who has not chosen one (<c>zh-CN</c> or <c>en</c>); null falls back to the tenant's default culture.</summary>
    public string? PortalCulture { get; set; }

    /// <summary>Service hotline shown on the portal's contact page.</summary>
    public string? ContactPhone { get; set; }

    /// <summary>Service e-mail address shown on the portal's contact page.</summary>
    public string? ContactEmail { get; set; }

    /// <summary>Postal or visiting address shown on the portal's contact page.</summary>
    public string? ContactAddress { get; set; }

    /// <summary>Opening hours of the service desk, as free text ("Mon–Fri 9:00–18:00").</summary>
    public string? ContactHours { get; set; }
}
