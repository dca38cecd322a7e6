using System.Globalization;
using System.Text;
using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
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

    [Fact]
    public async Task ImportALargeFileWithEveryContactAndOneAuditEntry()
    {
        const int rows = 10_000;
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<CustomerImport>();
        var checking = new ProgressLog();
        var saving = new ProgressLog();

        var preview = await import.CheckAsync(Encoding.GetEncoding("GBK").GetBytes(LargeCsv("BIGC-A", rows)), "big-customers.csv", checking);
        var committed = await import.CommitAsync(preview, saving);

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal(rows, committed);
        Assert.Equal(rows, await db.Customers.CountAsync(c => c.Code.StartsWith("BIGC-A-")));
        Assert.Equal(rows, await db.CustomerContacts.CountAsync(k => db.Customers.Any(c => c.Id == k.CustomerId && c.Code.StartsWith("BIGC-A-"))));
        Assert.Equal(new ImportProgress(ImportPhase.Checking, rows, rows), checking.Reports[^1]);
        Assert.Equal(new ImportProgress(ImportPhase.Saving, rows, rows), saving.Reports[^1]);
        var entry = Assert.Single(await db.AuditEntries.Where(a => a.EntityType == nameof(Customer) && a.EntityKey == "big-customers.csv").ToListAsync());
        Assert.Equal(AuditAction.Imported, entry.Action);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Customer) && a.EntityKey.StartsWith("BIGC-A-")));
    }

    [Fact]
    public async Task KeepNothingWhenACodeIsTakenBetweenCheckAndCommit()
    {
        const int rows = 10_000;
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<CustomerImport>();
        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(LargeCsv("BIGC-B", rows)), "clash.csv");
        Assert.True(preview.CanCommit);
        await using (var someoneElse = await factory.TenantScopeAsync("demo"))
        {
            var created = await someoneElse.ServiceProvider.GetRequiredService<CustomerDirectory>().CreateAsync(new CustomerInput { Code = "BIGC-B-009000", Name = "抢先登记" });
            Assert.Equal(CustomerSaveStatus.Saved, created.Status);
        }

        await Assert.ThrowsAsync<DbUpdateException>(() => import.CommitAsync(preview));

        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Equal("抢先登记", (await db.Customers.SingleAsync(c => c.Code.StartsWith("BIGC-B-"))).Name);
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityKey == "clash.csv"));
    }

    private static string LargeCsv(string prefix, int rows)
    {
        var csv = new StringBuilder("客户编号,客户名称,类型,区域,电话,联系人,联系人电话\r\n");
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{prefix}-{i:D6},示例客户{i},{(i % 2 == 0 ? "企业" : "个人")},华东,021-5555 {i % 10_000:D4},联系人{i},138{i:D8}\r\n");
        }

        return csv.ToString();
    }
}
