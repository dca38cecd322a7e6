namespace AfterSales.Modules.Shared;

/// <summary>Staff roles within a tenant, and the platform operator outside all tenants.</summary>
public static class Roles
{
    public const string TenantAdmin = "TenantAdmin";
    public const string Manager = "Manager";
    public const string Dispatcher = "Dispatcher";
    public const string Agent = "Agent";
    public const string Engineer = "Engineer";
    public const string PlatformOperator = "PlatformOperator";

    public static readonly IReadOnlyList<string> TenantRoles = [TenantAdmin, Manager, Dispatcher, Agent, Engineer];
}
