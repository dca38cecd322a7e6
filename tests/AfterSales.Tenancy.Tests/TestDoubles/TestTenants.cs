using Microsoft.AspNetCore.Http;

namespace AfterSales.Tenancy.Tests.TestDoubles;

/// <summary>Tenants and requests shared by the tests.</summary>
public static class TestTenants
{
    public static Tenant Tenant(string identifier, TenantStatus status = TenantStatus.Active) => new()
    {
        Id = "id-" + identifier,
        Identifier = identifier,
        DisplayName = identifier + " Ltd",
        Status = status,
    };

    public static TenantInfo Info(string identifier, TenantStatus status = TenantStatus.Active) => Tenant(identifier, status).ToInfo();

    public static DefaultHttpContext Request(string path, string host = "localhost")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = new PathString(path);
        context.Request.Host = new HostString(host);
        return context;
    }
}
