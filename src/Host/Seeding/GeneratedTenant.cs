namespace AfterSales.Host.Seeding;

/// <summary>A tenant <see cref="DataGenerator"/> created, and what it holds.</summary>
public sealed record GeneratedTenant(
    string Identifier, string Name, string Culture, string? AdminEmail, int Models, int Customers, int Contacts, int Serials, int Requests = 0);
