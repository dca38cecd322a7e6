namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>The body of <c>GET /api/v1/me</c>.</summary>
public sealed record Me(string Tenant, string TenantName, string ClientId, string? ClientName);
