namespace AfterSales.Modules.Shared;

/// <summary>A page that exists only inside a tenant (<c>/t/{tenant}/…</c> or its subdomain); elsewhere it is a 404.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class TenantAreaAttribute : Attribute;

/// <summary>A page of the platform operator area; inside a tenant it is a 404.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class PlatformAreaAttribute : Attribute;
