using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Portal.Accounts;

/// <summary>An end customer's sign-in to one tenant's portal, tied to one of that tenant's customer records.</summary>
public class PortalAccount : ITenantOwned
{
    public const int EmailLength = 256;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid CustomerId { get; set; }
    public string Email { get; set; } = "";

    /// <summary>Upper-cased e-mail: unique per tenant, and what look-ups compare.</summary>
    public string NormalizedEmail { get; set; } = "";

    /// <summary>Null for an invited customer who has not chosen a password yet.</summary>
    public string? PasswordHash { get; set; }
    public bool EmailConfirmed { get; set; }
    public int FailedAttempts { get; set; }
    public DateTimeOffset? LockedUntil { get; set; }

    /// <summary>Changes whenever the password or the confirmation changes, so every mailed link works once.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? LastSignInAt { get; set; }

    public static string Normalize(string email) => email.Trim().ToUpperInvariant();
}

internal sealed class PortalAccountConfiguration : IEntityTypeConfiguration<PortalAccount>
{
    public void Configure(EntityTypeBuilder<PortalAccount> builder)
    {
        builder.ToTable("PortalAccounts");
        builder.Property(a => a.Email).HasMaxLength(PortalAccount.EmailLength).IsRequired();
        builder.Property(a => a.NormalizedEmail).HasMaxLength(PortalAccount.EmailLength).IsRequired();
        builder.Property(a => a.PasswordHash).HasMaxLength(512);
        builder.Property(a => a.SecurityStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(a => new { a.TenantId, a.NormalizedEmail }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.CustomerId });
        builder.HasOne<AfterSales.Modules.Customers.Customer>().WithMany().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}
