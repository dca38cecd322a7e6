using System.Net;
using System.Text.RegularExpressions;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Self-service sign-up: the identifier check, validation, and the confirmation link that makes a working tenant.</summary>
public sealed partial class SignUpShould(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    [Theory]
    [InlineData("demo", false, "SignUp.IdentifierTaken")]
    [InlineData("ACME", false, "SignUp.IdentifierTaken")]
    [InlineData("www", false, "SignUp.IdentifierReserved")]
    [InlineData("platform", false, "SignUp.IdentifierReserved")]
    [InlineData("admin", false, "SignUp.IdentifierReserved")]
    [InlineData("t", false, "SignUp.IdentifierRule")]
    [InlineData("api", false, "SignUp.IdentifierReserved")]
    [InlineData("bad_name", false, "SignUp.IdentifierRule")]
    [InlineData("-edge", false, "SignUp.IdentifierRule")]
    [InlineData("", false, "SignUp.Required")]
    [InlineData("fresh-co", true, null)]
    public async Task TellWhetherAnIdentifierCanBeHad(string identifier, bool available, string? reason)
    {
        await using var scope = factory.Services.CreateAsyncScope();

        var check = await scope.ServiceProvider.GetRequiredService<SignUpDesk>().CheckIdentifierAsync(identifier);

        Assert.Equal(new IdentifierCheck(available, reason), check);
    }

    [Fact]
    public async Task ExplainEveryProblemAndKeepNothing()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<SignUpDesk>();
        var mails = factory.Mails.Count;

        var result = await desk.StartAsync(new SignUpInput { CompanyName = " ", Identifier = "www", AdminName = "", Email = "not-an-email", Password = "short" }, "http://localhost/");

        Assert.False(result.Sent);
        Assert.Equal("SignUp.Required", result.Errors["CompanyName"]);
        Assert.Equal("SignUp.IdentifierReserved", result.Errors["Identifier"]);
        Assert.Equal("SignUp.Required", result.Errors["AdminName"]);
        Assert.Equal("SignUp.EmailInvalid", result.Errors["Email"]);
        Assert.StartsWith("Identity.", result.Errors["Password"], StringComparison.Ordinal);
        Assert.Equal(mails, factory.Mails.Count);
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        Assert.False(await db.PendingSignUps.AnyAsync(p => p.Identifier == "www"));
    }

    [Fact]
    public async Task CreateAWorkingTrialTenantWithDefaultsWhenTheEmailIsConfirmed()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var desk = scope.ServiceProvider.GetRequiredService<SignUpDesk>();
        var input = new SignUpInput { CompanyName = "新风暖通服务", Identifier = "XinFeng", AdminName = "王经理", Email = "wang@xinfeng.example", Password = "XinFeng@2026", Culture = "zh-CN" };

        var started = await desk.StartAsync(input, "http://localhost/");
        var held = await desk.CheckIdentifierAsync("xinfeng");
        var mail = factory.Mails.Single(m => m.To == "wang@xinfeng.example");
        var link = LinkPattern().Match(mail.Body).Groups[1].Value;
        var browser = factory.CreateBrowser();
        var (confirm, html) = await browser.GetPageAsync(new Uri(link).PathAndQuery);
        var (again, againHtml) = await browser.GetPageAsync(new Uri(link).PathAndQuery);
        var (forged, forgedHtml) = await browser.GetPageAsync("/signup/confirm?token=forged");

        Assert.True(started.Sent);
        Assert.Equal("SignUp.IdentifierTaken", held.Reason);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        Assert.Contains("data-testid=\"signup-confirmed\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signup-confirmed\"", againHtml, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"signup-invalid\"", forgedHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);

        var tenant = await factory.TenantAsync("xinfeng");
        Assert.Equal("新风暖通服务", tenant.Name);
        Assert.Equal("zh-CN", tenant.DefaultCulture);
        Assert.Equal(Plan.Trial, tenant.Plan);
        await using (var tenantScope = await factory.TenantScopeAsync("xinfeng"))
        {
            var current = await tenantScope.ServiceProvider.GetRequiredService<SubscriptionBook>().CurrentAsync();
            Assert.Equal(SubscriptionStatus.Trialing, current.Subscription!.Status);
            Assert.True(current.Subscription.TrialEndsAt > DateTimeOffset.UtcNow.AddDays(13));
            using var db = tenantScope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
            Assert.Equal(ServiceTypeCatalog.Defaults.Select(d => d.Code).Order(), (await db.ServiceTypes.Select(t => t.Code).ToListAsync()).Order());
        }

        var login = await browser.LoginAsync("/t/xinfeng", "wang@xinfeng.example", "XinFeng@2026");
        var (guide, guideHtml) = await browser.GetPageAsync("/t/xinfeng/getting-started");
        var (requests, _) = await browser.GetPageAsync("/t/xinfeng/requests");
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal(HttpStatusCode.OK, guide.StatusCode);
        Assert.Contains("data-testid=\"guide-1\"", guideHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, requests.StatusCode);
        await using var platform = factory.Services.CreateAsyncScope();
        using var billing = platform.ServiceProvider.GetRequiredService<IDbFactory<IBillingDb>>().Create();
        Assert.Equal(1, await billing.Tenants.CountAsync(t => t.Identifier == "xinfeng"));
    }

    [Fact]
    public async Task KeepTheNewTenantApartFromTheOthers()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var desk = scope.ServiceProvider.GetRequiredService<SignUpDesk>();
            Assert.True((await desk.StartAsync(new SignUpInput { CompanyName = "Isle Ltd", Identifier = "isle", AdminName = "Ida", Email = "ida@isle.example", Password = "Isle@2026x", Culture = "en" }, "http://localhost/")).Sent);
            var link = LinkPattern().Match(factory.Mails.Single(m => m.To == "ida@isle.example").Body).Groups[1].Value;
            Assert.Equal(ConfirmStatus.Created, (await desk.ConfirmAsync(Uri.UnescapeDataString(link.Split("token=")[1]))).Status);
        }

        var isle = factory.CreateBrowser();
        await isle.LoginAsync("/t/isle", "ida@isle.example", "Isle@2026x");
        var demo = factory.CreateBrowser();
        await demo.LoginAsync("/t/demo", "admin@demo.example");

        var (isleInDemo, _) = await isle.GetPageAsync("/t/demo/admin/billing");
        var (demoInIsle, _) = await demo.GetPageAsync("/t/isle/admin/billing");
        var (demoCustomers, _) = await isle.GetPageAsync("/t/demo/customers/export.xlsx");
        await using var isleScope = await factory.TenantScopeAsync("isle");
        var isleUsers = await isleScope.ServiceProvider.GetRequiredService<AfterSales.Modules.Administration.Users.UserAdministration>().ListAsync(null, 0, 50);

        Assert.NotEqual(HttpStatusCode.OK, isleInDemo.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, demoInIsle.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, demoCustomers.StatusCode);
        Assert.Equal(["ida@isle.example"], isleUsers.Rows.Select(r => r.Email));
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();
}
