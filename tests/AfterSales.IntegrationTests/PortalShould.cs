using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The customer portal's public side: the tenant's brand and nothing of another tenant, the warranty lookup without personal data
/// and within its rate limit, the public knowledge base with public published articles only.
/// </summary>
public sealed class PortalShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Desk = new("manager-id", "Manager", new HashSet<string> { Roles.Manager, Roles.Agent });

    [Fact]
    public async Task ShowTheTenantsBrandAndNothingOfAnotherTenantOrTheStaffApp()
    {
        var browser = factory.CreateBrowser();

        var (demo, demoHtml) = await browser.GetPageAsync("/t/demo/portal");
        var (acme, acmeHtml) = await browser.GetPageAsync("/t/acme/portal");

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (demo.StatusCode, acme.StatusCode));
        Assert.Contains("演示电器 客户服务中心", demoHtml, StringComparison.Ordinal);
        Assert.Contains("欢迎来到演示电器客户服务中心", demoHtml, StringComparison.Ordinal);
        Assert.Contains("--as-primary: #1e6fd9", demoHtml, StringComparison.Ordinal);
        Assert.Contains("400-800-1234", (await browser.GetPageAsync("/t/demo/portal/contact")).Html, StringComparison.Ordinal);
        Assert.Contains("Acme Service Portal", acmeHtml, StringComparison.Ordinal);
        Assert.Contains("--as-primary: #c2410c", acmeHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", demoHtml, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("演示电器", acmeHtml, StringComparison.Ordinal);
        // No link into the staff app: no staff sign-in, no staff menu.
        Assert.DoesNotContain("account/login", demoHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("service-requests", demoHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpeakThePortalLanguageToCustomersAndTheDefaultOneToStaff()
    {
        var acme = await factory.TenantAsync("acme");
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            var store = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.Stores.ITenantStore>();
            var tenant = (await store.GetForEditAsync(acme.Id))!;
            tenant.Branding = tenant.Branding with { PortalCulture = "zh-CN" };
            await store.UpdateAsync(tenant);
        }

        var browser = factory.CreateCookielessClient();
        var (_, portal) = await browser.GetPageAsync("/t/acme/portal/warranty");
        var (_, staff) = await browser.GetPageAsync("/t/acme/account/login");

        Assert.Contains("保修查询", portal, StringComparison.Ordinal);
        Assert.Contains("Sign in", staff, StringComparison.Ordinal);
        Assert.DoesNotContain("登录", staff, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheReturnVisitLinkPageInThePortalLayout()
    {
        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/demo/portal/visit/not-a-token");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"portal\"", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-refused\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LookUpTheWarrantyWithoutShowingWhoOwnsTheUnit()
    {
        SerialRow unit;
        SerialView view;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
            unit = (await registry.SearchAsync(new SerialQuery(Take: 100))).Items.First(s => s.CustomerName is not null && s.PurchaseDate is not null);
            view = (await registry.FindAsync(unit.Number))!;
        }

        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/demo/portal/warranty?sn=" + Uri.EscapeDataString(unit.Number.ToLowerInvariant()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"warranty-result\"", html, StringComparison.Ordinal);
        Assert.Contains(view.ModelName, html, StringComparison.Ordinal);
        Assert.DoesNotContain(view.CustomerName!, html, StringComparison.Ordinal);
        Assert.DoesNotContain(view.CustomerCode!, html, StringComparison.Ordinal);
        foreach (var personal in new[] { view.Salesperson, view.Batch, view.Supplier }.OfType<string>())
        {
            Assert.DoesNotContain(personal, html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task NotFindAnotherTenantsSerialNumber()
    {
        string acmeSerial;
        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            acmeSerial = (await scope.ServiceProvider.GetRequiredService<SerialRegistry>().SearchAsync(new SerialQuery(Take: 1))).Items[0].Number;
        }

        var (response, html) = await factory.CreateBrowser().GetPageAsync("/t/demo/portal/warranty?sn=" + Uri.EscapeDataString(acmeSerial));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"warranty-none\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"warranty-result\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseLookupsBeyondTheLimitWithAClearMessage()
    {
        await using var limited = factory.WithWebHostBuilder(b => b.UseSetting("Portal:LookupsPerMinute", "3"));
        var browser = limited.CreateClient();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await browser.GetAsync($"/t/demo/portal/warranty?sn=NOPE{i}")).StatusCode);
        }

        var (refused, html) = await browser.GetPageAsync("/t/demo/portal/warranty?sn=NOPE9");
        var (form, _) = await browser.GetPageAsync("/t/demo/portal/warranty");

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.OK, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("data-testid=\"warranty-limited\"", html, StringComparison.Ordinal);
        Assert.Contains("请稍候一分钟再试", html, StringComparison.Ordinal);
        // Showing the empty form costs nothing.
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
    }

    [Fact]
    public async Task ListAndOpenOnlyPublicPublishedArticlesOfTheTenant()
    {
        Guid open, inside, draft, acmeOpen;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
            open = await PublishAsync(knowledge, new ArticleInput { TitleZh = "门户净水器滤芯更换", Solution = "关闭进水阀后旋下滤芯。", Visibility = ArticleVisibility.Public });
            inside = await PublishAsync(knowledge, new ArticleInput { TitleZh = "门户净水器内部维修口令", Solution = "仅限工程师。", Visibility = ArticleVisibility.Internal });
            draft = (await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "门户净水器草稿", Solution = "未完成。", Visibility = ArticleVisibility.Public }, null, Desk)).Id!.Value;
        }

        await using (var scope = await factory.TenantScopeAsync("acme"))
        {
            acmeOpen = await PublishAsync(scope.ServiceProvider.GetRequiredService<KnowledgeBase>(),
                new ArticleInput { TitleZh = "门户净水器 Acme", Solution = "Acme only.", Visibility = ArticleVisibility.Public });
        }

        var browser = factory.CreateBrowser();
        var (_, list) = await browser.GetPageAsync("/t/demo/portal/kb?q=" + Uri.EscapeDataString("门户净水器"));
        var read = await browser.GetPageAsync($"/t/demo/portal/kb/{open}");
        var statuses = new[] { inside, draft, acmeOpen }.Select(id => browser.GetAsync($"/t/demo/portal/kb/{id}").Result.StatusCode).ToList();

        Assert.Contains("门户净水器滤芯更换", list, StringComparison.Ordinal);
        Assert.DoesNotContain("内部维修口令", list, StringComparison.Ordinal);
        Assert.DoesNotContain("门户净水器草稿", list, StringComparison.Ordinal);
        Assert.DoesNotContain("Acme", list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, read.Response.StatusCode);
        Assert.Contains("关闭进水阀后旋下滤芯", read.Html, StringComparison.Ordinal);
        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task CountACustomersFeedbackOnAPublicArticle()
    {
        Guid open;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            open = await PublishAsync(scope.ServiceProvider.GetRequiredService<KnowledgeBase>(),
                new ArticleInput { TitleZh = "门户反馈测试文章", Solution = "重启设备。", Visibility = ArticleVisibility.Public });
        }

        var (response, html) = await factory.CreateBrowser().PostFormAsync($"/t/demo/portal/kb/{open}", "feedback", new Dictionary<string, string> { ["Helpful"] = "yes" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"kb-thanks\"", html, StringComparison.Ordinal);
        await using var check = await factory.TenantScopeAsync("demo");
        var article = (await check.ServiceProvider.GetRequiredService<KnowledgeBase>().GetAsync(open, Desk))!;
        Assert.Equal((1, 0, 1), (article.HelpfulCount, article.NotHelpfulCount, article.ViewCount));
    }

    private static async Task<Guid> PublishAsync(KnowledgeBase knowledge, ArticleInput input)
    {
        var saved = await knowledge.SaveAsync(null, input, null, Desk);
        var article = (await knowledge.GetAsync(saved.Id!.Value, Desk))!;
        await knowledge.SetStateAsync(article.Id, ArticleState.Published, article.ConcurrencyStamp, Desk);
        return article.Id;
    }
}
