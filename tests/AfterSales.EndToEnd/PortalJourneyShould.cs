using System.Text.RegularExpressions;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Portal;
using AfterSales.Tenancy;
using AfterSales.Tenancy.Stores;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AfterSales.EndToEnd;

/// <summary>
/// A demo customer's way through the portal in a real browser: registration with the mailed confirmation, OpenID Connect sign-in,
/// a request with a photo that the dispatcher sees in the staff app, and after the desk resolves it, the customer's confirmation and
/// rating. Ends with the portal's main pages in both languages at desktop and phone size.
/// </summary>
public sealed partial class PortalJourneyShould(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots", "portal");

    // A 1×1 PNG: the portal checks the content, not only the name.
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(15_000);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    [Fact]
    public async Task RegisterSignInSubmitWithAPhotoThenConfirmAndRateTheResolution()
    {
        var email = $"e2e-{Guid.NewGuid():N}"[..16] + "@customer.example";
        var remote = await PrepareAsync(email);
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);

        // Registration: the portal finds the customer record by the e-mail address and mails a confirmation link.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/portal/register");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("Customer@2026");
        await page.Locator("#confirm").FillAsync("Customer@2026");
        await page.GetByTestId("portal-register-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-register-done")).ToContainTextAsync(email);
        await page.GotoAsync(await MailedLinkAsync(email));
        await Assertions.Expect(page.GetByTestId("portal-confirmed")).ToBeVisibleAsync();

        // Sign-in: the portal's button starts the authorization-code flow; the login form belongs to the authorization server.
        await page.GetByTestId("portal-confirmed-signin").ClickAsync();
        await page.GetByTestId("portal-login-email").FillAsync(email);
        await page.GetByTestId("portal-login-password").FillAsync("Customer@2026");
        await page.GetByTestId("portal-login-submit").ClickAsync();
        await page.WaitForURLAsync(new Regex("/t/demo/portal/requests$"));
        await Assertions.Expect(page.GetByTestId("portal-nav-requests")).ToBeVisibleAsync();

        // A request with a photo.
        await page.GetByTestId("portal-request-new").ClickAsync();
        await page.GetByTestId("portal-request-type").SelectOptionAsync(remote.ToString());
        await page.GetByTestId("portal-request-subject").FillAsync("空调不制冷");
        await page.GetByTestId("portal-request-description").FillAsync("开机半小时仍然是热风。");
        await page.GetByTestId("portal-request-files").SetInputFilesAsync(new FilePayload { Name = "fault.png", MimeType = "image/png", Buffer = Photo });
        await page.GetByTestId("portal-request-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-request-number")).ToContainTextAsync("空调不制冷");
        await Assertions.Expect(page.GetByTestId("portal-request-attachments")).ToContainTextAsync("fault.png");
        var number = Regex.Match(page.Url, "/portal/requests/([^/?]+)").Groups[1].Value;

        // The dispatcher sees it, with the photo, in the staff app.
        await using (var staff = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1366, Height = 900 }, Locale = "zh-CN" }))
        {
            staff.SetDefaultTimeout(30_000);
            var desk = await staff.NewPageAsync();
            await desk.GotoAsync($"{app.BaseUrl}/t/demo/account/login");
            await desk.Locator("#email").FillAsync("dispatcher@demo.example");
            await desk.Locator("#password").FillAsync("Demo@12345");
            await desk.GetByTestId("login-submit").ClickAsync();
            await desk.WaitForURLAsync(new Regex("/t/demo/$"));
            await desk.GotoAsync($"{app.BaseUrl}/t/demo/requests/{number}");
            await Assertions.Expect(desk.Locator("main")).ToContainTextAsync("空调不制冷", new() { Timeout = 30_000 });
            await Assertions.Expect(desk.GetByTestId("request-attachments")).ToContainTextAsync("fault.png", new() { Timeout = 30_000 });
        }

        // The desk resolves it: assigned, processed, return visit due (the workflow's steps, as the staff app or the API takes them).
        await ResolveAsync(number);

        // The customer confirms the resolution and rates the service through the return visit's link.
        await page.ReloadAsync();
        await Assertions.Expect(page.GetByTestId("portal-confirm")).ToBeVisibleAsync();
        await SaveAsync(page, "request-resolved-zh-CN-desktop");
        await page.GetByTestId("portal-confirm-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("portal-confirmed-done")).ToBeVisibleAsync();
        await page.GetByTestId("portal-request-rate").ClickAsync();
        await page.Locator("input[name='Input.Solved'][value='True']").CheckAsync();
        await page.Locator("input[name='Input.Overcharged'][value='False']").CheckAsync();
        await page.Locator("label[for='stars-5']").ClickAsync();
        await page.Locator("#visit-comment").FillAsync("师傅很专业");
        await page.GetByTestId("visit-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("visit-thanks")).ToBeVisibleAsync();

        await using (var scope = await TenantScopeAsync())
        {
            var request = (await scope.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(number))!;
            Assert.Equal("Closed", request.Status);
            var visits = scope.ServiceProvider.GetRequiredService<IDbFactory<AfterSales.Modules.Visits.IVisitsDb>>().Create();
            var visit = await visits.ReturnVisits.SingleAsync(v => v.ServiceRequestId == request.Id);
            Assert.Equal(5, visit.Satisfaction);
        }

        await ScreenshotsAsync(await context.CookiesAsync(), number, await OnSiteAsync(), await ServiceReportAsync(number));
        Assert.Empty(errors);
    }

    /// <summary>The main portal pages in zh-CN and English, at desktop and phone size, signed in as the journey's customer.</summary>
    private async Task ScreenshotsAsync(IReadOnlyList<BrowserContextCookiesResult> cookies, string number, Guid onSite, Guid report)
    {
        var pages = new (string Name, string Path)[]
        {
            ("home", "portal"), ("knowledge", "portal/kb"), ("warranty", "portal/warranty"), ("requests", "portal/requests"),
            ("new-request", "portal/requests/new"), ("request", $"portal/requests/{number}"), ("products", "portal/products"),
            ("service-report", $"portal/requests/{number}/reports/{report}"),
        };
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            foreach (var (size, width, height) in new[] { ("desktop", 1366, 900), ("phone", 390, 844) })
            {
                await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions
                {
                    ViewportSize = new() { Width = width, Height = height }, Locale = culture, IsMobile = size == "phone", DeviceScaleFactor = 1,
                });
                await context.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path })
                    .Append(new Cookie { Name = ".AspNetCore.Culture", Value = $"c={culture}|uic={culture}", Domain = "127.0.0.1", Path = "/" }));
                var page = await context.NewPageAsync();
                foreach (var (name, path) in pages)
                {
                    await page.GotoAsync($"{app.BaseUrl}/t/demo/{path}");
                    await Assertions.Expect(page.GetByTestId("portal-nav-requests")).ToBeVisibleAsync();
                    if (name == "new-request")
                    {
                        // On-site service has public fields in the demo (mounting, preferred time): they show once it is chosen.
                        await page.GetByTestId("portal-request-type").SelectOptionAsync(onSite.ToString());
                        await Assertions.Expect(page.Locator($"fieldset[data-type='{onSite}']")).ToBeVisibleAsync();
                    }

                    await SaveAsync(page, $"{name}-{culture}-{size}");
                }
            }
        }
    }

    /// <summary>Gives the demo customer C1001 the journey's address, so registration finds exactly that record; returns the remote-support type.</summary>
    private async Task<Guid> PrepareAsync(string email)
    {
        await using var scope = await TenantScopeAsync();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IPortalDb>>().Create();
        var customer = await db.Customers.SingleAsync(c => c.Code == "C1001");
        customer.Email = email;
        await db.SaveChangesAsync();
        return (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!.Id;
    }

    /// <summary>The engineer's submitted report of the visit, as the work-report page leaves it, for the customer's copy.</summary>
    private async Task<Guid> ServiceReportAsync(string number)
    {
        await using var scope = await TenantScopeAsync();
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IPortalDb>>().Create();
        var request = await db.ServiceRequests.SingleAsync(r => r.Number == number);
        var report = new AfterSales.Modules.WorkReports.WorkReport
        {
            ServiceRequestId = request.Id, RequestNumber = number, Visit = 1, EngineerId = "engineer", EngineerName = "王师傅",
            VisitedOn = DateOnly.FromDateTime(DateTime.UtcNow), Measures = "清洗冷凝器，补充冷媒，试机正常。", LaborHours = 1.5m, LaborFee = 120m, TravelFee = 30m,
            State = AfterSales.Modules.WorkReports.WorkReportState.Submitted, CreatedAt = DateTimeOffset.UtcNow, VerificationCode = "PJ" + number[^6..],
        };
        db.WorkReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private async Task<Guid> OnSiteAsync()
    {
        await using var scope = await TenantScopeAsync();
        return (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
    }

    private async Task ResolveAsync(string number)
    {
        await using var scope = await TenantScopeAsync();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var dispatcher = new RequestActor("dispatcher", "Dispatcher", new HashSet<string> { Roles.Dispatcher, Roles.Agent });
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer))[0].UserId;
        foreach (var (step, values) in new (string, Dictionary<string, string?>)[]
                 {
                     ("Assign", new() { [TransitionForm.AssigneeField] = engineer }), ("Process", new()), ("StartReturnVisit", new()),
                 })
        {
            var fired = await workflow.FireAsync(number, step, values, null, (await desk.GetAsync(number))!.ConcurrencyStamp, dispatcher);
            Assert.Equal(ActionStatus.Done, fired.Status);
        }
    }

    private async Task<AsyncServiceScope> TenantScopeAsync()
    {
        await using var lookup = app.Services.CreateAsyncScope();
        var tenant = await lookup.ServiceProvider.GetRequiredService<ITenantStore>().FindByIdentifierAsync("demo");
        return app.Services.GetRequiredService<TenantScopeFactory>().CreateScope(tenant!);
    }

    private static async Task<string> MailedLinkAsync(string to)
    {
        var folder = Path.Combine(FindHostFolder(), "App_Data", "mail");
        // The mail is written before the page says it was sent, so it is there now.
        foreach (var file in Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml") : [])
        {
            var message = await MimeKit.MimeMessage.LoadAsync(file);
            if (message.To.Mailboxes.Any(m => m.Address == to) && LinkPattern().Match(message.HtmlBody ?? "") is { Success: true } match)
            {
                File.Delete(file);
                return System.Net.WebUtility.HtmlDecode(match.Groups[1].Value);
            }
        }

        throw new InvalidOperationException($"No confirmation mail to {to} in {folder}.");
    }

    private static string FindHostFolder()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !Directory.Exists(Path.Combine(directory.FullName, "src", "Host")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory?.FullName ?? throw new InvalidOperationException("Repository root not found."), "src", "Host");
    }

    /// <summary>Saves under the test's output, and into <c>PORTAL_SCREENSHOT_DIR</c> when set (docs/screenshots/portal).</summary>
    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var copyTo = Environment.GetEnvironmentVariable("PORTAL_SCREENSHOT_DIR");
        if (!string.IsNullOrWhiteSpace(copyTo))
        {
            Directory.CreateDirectory(copyTo);
            File.Copy(path, Path.Combine(copyTo, name + ".png"), overwrite: true);
        }
    }

    [GeneratedRegex("href=\"([^\"]*portal/confirm[^\"]*)\"")]
    private static partial Regex LinkPattern();
}
