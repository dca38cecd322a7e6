using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Customers;

internal sealed class CustomerConfiguration : IEntityTypeConfiguration<Customer>
{
    public void Configure(EntityTypeBuilder<Customer> builder)
    {
        builder.ToTable("Customers");
        builder.Property(c => c.Code).HasMaxLength(CustomerRules.CodeLength).IsRequired();
        builder.Property(c => c.Name).HasMaxLength(CustomerRules.NameLength).IsRequired();
        builder.Property(c => c.Level).HasMaxLength(32);
        builder.Property(c => c.Tags).HasMaxLength(200);
        builder.Property(c => c.Region).HasMaxLength(64);
        builder.Property(c => c.Address).HasMaxLength(300);
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Notes).HasMaxLength(2000);
        builder.Property(c => c.ConcurrencyStamp).HasMaxLength(32).IsConcurrencyToken();
        builder.HasIndex(c => new { c.TenantId, c.Code }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.Name });
        builder.HasMany(c => c.Contacts).WithOne().HasForeignKey(c => c.CustomerId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(c => c.Addresses).WithOne().HasForeignKey(a => a.CustomerId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CustomerAddressConfiguration : IEntityTypeConfiguration<CustomerAddress>
{
    public void Configure(EntityTypeBuilder<CustomerAddress> builder)
    {
        builder.ToTable("CustomerAddresses");
        builder.Property(a => a.Label).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Region).HasMaxLength(64);
        builder.Property(a => a.Address).HasMaxLength(300).IsRequired();
        builder.Property(a => a.ContactName).HasMaxLength(100);
        builder.Property(a => a.Phone).HasMaxLength(32);
        builder.HasIndex(a => new { a.TenantId, a.CustomerId });
    }
}

internal sealed class CustomerContactConfiguration : IEntityTypeConfiguration<CustomerContact>
{
    public void Configure(EntityTypeBuilder<CustomerContact> builder)
    {
        builder.ToTable("CustomerContacts");
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(32);
        builder.Property(c => c.Email).HasMaxLength(256);
        builder.Property(c => c.Role).HasMaxLength(64);
        builder.HasIndex(c => new { c.TenantId, c.Phone });
    }
}
