using System.Text;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Customer import: every bad row reported, all rows or none committed, codes unique per tenant.</summary>
public sealed class CustomerImportShould(AppFactory factory) : IClassFixture<AppFactory>
{
    static CustomerImportShould() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task ReportEveryBadRowAndCommitNothing()
    {
        var csv = string.Join("\r\n",
            "客户编号,客户名称,类型,电话,联系人,联系人电话",
            "N-1,新客户一,企业,021-1234 5678,张三,13800000001",
            "N-1,重复编号,企业,,,",
            "C1001,已存在,企业,,,",
            "N-4,,法人,not a phone,,13800000004");
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<CustomerImport>();

        var preview = await import.CheckAsync(Encoding.GetEncoding("GBK").GetBytes(csv), "customers.csv");

        Assert.False(preview.CanCommit);
        var problems = preview.Rows.ToDictionary(r => r.Line, r => r.Problems.Select(p => $"{p.Field}:{p.Key}").ToList());
        Assert.Empty(problems[2]);
        Assert.Equal(["Code:Import.DuplicateInFile"], problems[3]);
        Assert.Equal(["Code:Validation.CodeTaken"], problems[4]);
        Assert.Equal(["Kind:Validation.Kind", "ContactName:Validation.ContactNameRequired", "Name:Validation.NameRequired", "Phone:Validation.Phone"], problems[5]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => import.CommitAsync(preview));
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().SearchAsync(new CustomerQuery("新客户一"))).Items);
    }

    [Fact]
    public async Task ImportCustomersWithTheirContactUsingCodesOtherTenantsAlsoUse()
    {
        // AC-501 is acme's; in demo the code is free.
        var csv = "Customer code,Name,Kind,Contact,Contact phone\nAC-501,Imported Ltd.,Company,Jane,+44 20 7946 0999\nN-200,个人客户,个人,,\n";
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<CustomerImport>();
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();

        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(csv), "customers.csv");
        var count = await import.CommitAsync(preview);
        var imported = (await directory.SearchAsync(new CustomerQuery("AC-501"))).Items.Single();
        var details = await directory.GetAsync(imported.Id);

        Assert.Equal(2, count);
        Assert.Equal("Jane", Assert.Single(details!.Contacts).Name);
        Assert.Equal(CustomerKind.Individual, (await directory.SearchAsync(new CustomerQuery("N-200"))).Items.Single().Kind);
    }
}
