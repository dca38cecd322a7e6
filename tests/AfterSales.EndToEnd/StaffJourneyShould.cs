using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AfterSales.EndToEnd;

/// <summary>A staff member's way through the shell in a real browser (Debian's chromium, headless).</summary>
public sealed class StaffJourneyShould(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");
    private static readonly ViewportSize Desktop = new() { Width = 1280, Height = 800 };
    private static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        // CI runs the three test projects at once on two cores: a render can take seconds, and Playwright's 5 s default is not enough.
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
    public async Task SignInSwitchLanguageAndSignOut()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Desktop, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);

        // Sign in (a server-rendered form).
        await page.GotoAsync($"{app.BaseUrl}/t/demo/account/login");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("登录");
        await page.Locator("#email").FillAsync("admin@demo.example");
        await page.Locator("#password").FillAsync("Demo@12345");
        await page.GetByTestId("login-submit").ClickAsync();

        // The dashboard, in the tenant's default culture.
        await page.WaitForURLAsync(new Regex("/t/demo/$"));
        await Assertions.Expect(page.GetByTestId("dashboard-numbers")).ToBeVisibleAsync();
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("工作台");
        await ScreenshotsAsync(page, "dashboard-zh-CN");

        // English, through the header link.
        await page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Dashboard");
        await Assertions.Expect(page.GetByTestId("dashboard-numbers")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await WaitForCircuitAsync(page);
        await ScreenshotsAsync(page, "dashboard-en");

        // And back to Chinese.
        await page.GetByTestId("culture-zh-CN").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("工作台");
        await WaitForCircuitAsync(page);

        // Sign out: back at the login page, and the dashboard wants a login again.
        await page.GetByTestId("sign-out").ClickAsync();
        await page.WaitForURLAsync(new Regex("/t/demo/account/login"));
        await Assertions.Expect(page.GetByTestId("login-submit")).ToBeVisibleAsync();
        await page.GotoAsync($"{app.BaseUrl}/t/demo/");
        await page.WaitForURLAsync(new Regex("/t/demo/account/login"));

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ShowTheLoginErrorForAWrongPassword()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Phone });
        var page = await context.NewPageAsync();

        await SignInAsync(page, "/t/acme", "admin@acme.example", "Wrong@12345");

        await Assertions.Expect(page.GetByTestId("login-error")).ToHaveTextAsync("The e-mail or password is wrong.");
        await SaveAsync(page, "login-error-en-phone");
    }

    [Fact]
    public async Task AdministerUsersApiClientsSettingsAndTheAuditTrail()
    {
        await using var session = await SignInAtDemoAsync("admin@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        // Users: create an engineer.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/users");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("users-grid")).ToContainTextAsync("admin@demo.example");
        await page.GetByTestId("new-user").ClickAsync();
        await page.GetByTestId("user-email").FillAsync("new.engineer@demo.example");
        await page.GetByTestId("user-name").FillAsync("王工");
        await page.GetByTestId("user-password").FillAsync("Engineer@2026");
        await SaveAsync(page, "user-dialog-zh-CN-desktop");
        await page.GetByTestId("user-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("users-grid")).ToContainTextAsync("new.engineer@demo.example");
        await ScreenshotsAsync(page, "users-zh-CN");

        // API clients: the secret is shown once and works at the token endpoint.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/api-clients");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("new-api-client").ClickAsync();
        await page.GetByTestId("api-client-name").FillAsync("CRM");
        await page.GetByTestId("api-client-submit").ClickAsync();
        var clientId = (await page.GetByTestId("api-client-id").InnerTextAsync()).Trim();
        var secret = (await page.GetByTestId("api-client-secret").InnerTextAsync()).Trim();
        Assert.StartsWith("demo-", clientId, StringComparison.Ordinal);
        Assert.True(secret.Length >= 32);
        await SaveAsync(page, "api-client-secret-zh-CN-desktop");
        await page.GetByTestId("api-client-done").ClickAsync();
        await Assertions.Expect(page.GetByTestId("api-clients-grid")).ToContainTextAsync(clientId);
        var token = await page.APIRequest.PostAsync($"{app.BaseUrl}/connect/token", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("grant_type", "client_credentials").Set("client_id", clientId).Set("client_secret", secret),
        });
        Assert.Equal(200, token.Status);

        // The audit trail shows the new client.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/audit");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("audit-grid")).ToContainTextAsync("CRM");
        await ScreenshotsAsync(page, "audit-zh-CN");

        // Company settings, in English: a new colour and portal title survive the reload that applies them.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/settings");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Company settings");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("settings-portal-title").FillAsync("Demo Service Centre");
        await page.GetByTestId("settings-color").FillAsync("#0f766e");
        await page.GetByTestId("settings-color").PressAsync("Tab");
        await page.GetByTestId("settings-save").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.Load);
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("settings-portal-title")).ToHaveValueAsync("Demo Service Centre");
        await Assertions.Expect(page.GetByTestId("settings-color")).ToHaveValueAsync("#0f766e");
        await ScreenshotsAsync(page, "settings-en");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task LetThePlatformOperatorCreateAndSuspendATenant()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Desktop, Locale = "en" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();

        await SignInAsync(page, "", "operator@aftersales.example", "Demo@12345");
        await page.WaitForURLAsync(new Regex("/platform$"));
        await WaitForCircuitAsync(page);

        await page.GetByTestId("new-tenant").ClickAsync();
        await page.GetByTestId("tenant-identifier").FillAsync("north");
        await page.GetByTestId("tenant-name").FillAsync("North Pumps Co.");
        await page.GetByTestId("tenant-admin-email").FillAsync("admin@north.example");
        await page.GetByTestId("tenant-admin-password").FillAsync("North@2026x");
        await page.GetByTestId("tenant-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("suspend-north")).ToBeVisibleAsync();
        await ScreenshotsAsync(page, "platform-tenants-en");

        // The new tenant's admin can sign in at once.
        await using (var tenantContext = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Desktop }))
        {
            var tenantPage = await tenantContext.NewPageAsync();
            await SignInAsync(tenantPage, "/t/north", "admin@north.example", "North@2026x");
            await Assertions.Expect(tenantPage.GetByTestId("dashboard-numbers")).ToBeVisibleAsync();
        }

        // Suspended, after a confirmation: its pages say so.
        await page.GetByTestId("suspend-north").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        await Assertions.Expect(page.GetByTestId("activate-north")).ToBeVisibleAsync();
        var suspended = await page.Context.APIRequest.GetAsync($"{app.BaseUrl}/t/north/account/login");
        Assert.Equal(403, suspended.Status);
        await page.GotoAsync($"{app.BaseUrl}/t/north/account/login");
        await Assertions.Expect(page.GetByTestId("tenant-unavailable")).ToBeVisibleAsync();
        await SaveAsync(page, "tenant-suspended-en-desktop");
    }

    [Fact]
    public async Task KeepACustomerWithContacts()
    {
        await using var session = await SignInAtDemoAsync("agent@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        await page.GotoAsync($"{app.BaseUrl}/t/demo/customers");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("customers-grid")).ToContainTextAsync("C1001");
        await ScreenshotsAsync(page, "customers-zh-CN");

        // A bad phone number is explained and nothing is saved.
        await page.GetByTestId("new-customer").ClickAsync();
        await WaitForCircuitAsync(page);
        await page.GetByTestId("customer-code").FillAsync("E2E-001");
        await page.GetByTestId("customer-name").FillAsync("测试精密仪器有限公司");
        await page.GetByTestId("customer-phone").FillAsync("call me");
        await page.GetByTestId("add-contact").ClickAsync();
        await page.GetByTestId("contact-name-0").FillAsync("赵工");
        await page.GetByTestId("contact-phone-0").FillAsync("13812345678");
        await page.GetByTestId("customer-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-errors")).ToContainTextAsync("电话");
        await SaveAsync(page, "customer-invalid-zh-CN-desktop");

        await page.GetByTestId("customer-phone").FillAsync("0571-8888 6666");
        await page.GetByTestId("customer-phone").PressAsync("Tab");
        await page.GetByTestId("customer-save").ClickAsync();
        await ExpectUrlAsync(page, "/t/demo/customers/[0-9a-f-]{36}$");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("测试精密仪器有限公司");

        // A service agreement for the new customer, covering all its units.
        await page.GetByTestId("new-agreement").ClickAsync();
        await page.GetByTestId("agreement-number").FillAsync("SA-E2E-1");
        await page.GetByTestId("agreement-title").FillAsync("年度保养");
        await page.GetByTestId("agreement-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("customer-agreements")).ToContainTextAsync("SA-E2E-1");
        await ScreenshotsAsync(page, "customer-zh-CN");

        // Found again by its contact's phone.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/customers");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("customer-search").FillAsync("13812345678");
        await page.GetByTestId("customer-search").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("customers-grid")).ToContainTextAsync("E2E-001");
        await Assertions.Expect(page.GetByTestId("customers-grid")).Not.ToContainTextAsync("C1001");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task KeepTheProductCatalogue()
    {
        await using var session = await SignInAtDemoAsync("agent@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        // A model in a category, with a filter that wears out every 90 days.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/products/models");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("models-grid")).ToContainTextAsync("JS-90");
        await page.GetByTestId("new-model").ClickAsync();
        await page.GetByTestId("model-code").FillAsync("JS-120");
        await page.GetByTestId("model-name").FillAsync("净水机 JS-120");
        await page.GetByTestId("model-category").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "净水" }).ClickAsync();
        await page.GetByTestId("add-consumable").ClickAsync();
        await page.GetByTestId("consumable-name-0").FillAsync("复合滤芯");
        await page.GetByTestId("consumable-days-0").Locator("input").FillAsync("90");
        await page.GetByTestId("consumable-days-0").Locator("input").PressAsync("Tab");
        await page.GetByTestId("model-save").ClickAsync();
        await ExpectUrlAsync(page, "/t/demo/products/models/[0-9a-f-]{36}$");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("净水机 JS-120");
        await Assertions.Expect(page.GetByTestId("consumable-name-0")).ToHaveValueAsync("复合滤芯");
        await ScreenshotsAsync(page, "model-zh-CN");

        // A spare part with its price.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/products/parts");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("new-part").ClickAsync();
        await page.GetByTestId("part-code").FillAsync("P-JS-CF");
        await page.GetByTestId("part-name").FillAsync("复合滤芯");
        await page.GetByTestId("part-price").Locator("input").FillAsync("88.5");
        await page.GetByTestId("part-price").Locator("input").PressAsync("Tab");
        await SaveAsync(page, "part-new-zh-CN-desktop");
        await page.GetByTestId("part-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("parts-grid")).ToContainTextAsync("P-JS-CF");
        await Assertions.Expect(page.GetByTestId("parts-grid")).ToContainTextAsync("88.50");
        await ScreenshotsAsync(page, "parts-zh-CN");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task TakeAServiceRequestAndAssignIt()
    {
        await using var session = await SignInAtDemoAsync("dispatcher@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        // The serial number brings the owner, model and warranty; the open request on that unit is shown.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("type-ONSITE").ClickAsync();
        await page.GetByTestId("request-sn").FillAsync("KT35-2024-0001");
        await page.GetByTestId("request-sn").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("request-unit")).ToContainTextAsync("KT-35");
        await Assertions.Expect(page.GetByTestId("request-customer")).ToHaveValueAsync("C1001");
        await Assertions.Expect(page.GetByTestId("request-duplicates")).ToContainTextAsync("空调不制冷");
        await page.GetByTestId("request-subject").FillAsync("遥控器无响应");
        await ScreenshotsAsync(page, "request-new-zh-CN");
        await page.GetByTestId("type-ONSITE").ClickAsync();
        await page.GetByTestId("request-sn").FillAsync("KT35-2024-0001");
        await page.GetByTestId("request-subject").FillAsync("遥控器无响应");
        await page.GetByTestId("request-subject").PressAsync("Tab");
        await page.GetByTestId("request-save").ClickAsync();
        await ExpectUrlAsync(page, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
        await Assertions.Expect(page.Locator("main h1")).ToContainTextAsync("遥控器无响应");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("上门服务");

        // Assigned to an engineer, with an internal note; the timeline keeps both.
        await page.GetByTestId("action-Assign").ClickAsync();
        await page.GetByTestId("cf-assigneeId").Locator(".rz-dropdown").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "Engineer" }).First.ClickAsync();
        await Assertions.Expect(page.GetByTestId("cf-assigneeId")).ToContainTextAsync("Engineer");
        await page.GetByTestId("action-note").FillAsync("客户下午在家");
        await page.GetByTestId("action-note").PressAsync("Tab");
        await page.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-assignee")).ToContainTextAsync("Engineer");
        await Assertions.Expect(page.GetByTestId("request-timeline")).ToContainTextAsync("客户下午在家");
        await page.GetByTestId("comment-text").FillAsync("已电话确认地址");
        await page.GetByTestId("comment-add").ClickAsync();
        await Assertions.Expect(page.GetByTestId("request-timeline")).ToContainTextAsync("已电话确认地址");
        await ScreenshotsAsync(page, "request-zh-CN");

        // The unassigned view no longer lists it.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/requests");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("requests-grid")).ToContainTextAsync("遥控器无响应");
        await page.GetByTestId("view-Unassigned").ClickAsync();
        await Assertions.Expect(page.GetByTestId("requests-grid")).Not.ToContainTextAsync("遥控器无响应");
        await ScreenshotsAsync(page, "requests-zh-CN");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task LetADispatcherAssignAWaitingRequestFromTheBoard()
    {
        await using var session = await SignInAtDemoAsync("dispatcher@demo.example");
        var (page, errors) = (session.Page, session.Errors);
        await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("type-CONSULT").ClickAsync();
        await page.GetByTestId("request-customer").FillAsync("C1002");
        await page.GetByTestId("request-customer").PressAsync("Tab");
        await page.GetByTestId("request-subject").FillAsync("看板派工的咨询");
        await page.GetByTestId("request-subject").PressAsync("Tab");
        await page.GetByTestId("request-save").ClickAsync();
        await ExpectUrlAsync(page, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
        var number = page.Url[(page.Url.LastIndexOf('/') + 1)..];

        // The queue lists it; the engineer's card shows their load, and the pick list names it too.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/dispatch");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("queue-search").FillAsync("看板派工");
        await page.GetByTestId("queue-search").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId($"queue-{number}")).ToContainTextAsync("看板派工的咨询");
        await Assertions.Expect(page.GetByTestId("engineer-engineer@demo.example")).ToContainTextAsync("今天");
        await page.GetByTestId($"assign-{number}").ClickAsync();
        await page.GetByTestId("assign-engineer").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "Engineer" }).First.ClickAsync();
        await page.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync($"{number} 已分配");
        await Assertions.Expect(page.GetByTestId("queue-empty")).ToBeVisibleAsync();

        // Assigned through the workflow's transition: status, assignee and timeline, as if done on the request page.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/{number}");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("request-assignee")).ToContainTextAsync("Engineer");
        await Assertions.Expect(page.GetByTestId("request-timeline")).ToContainTextAsync("分配给 Engineer");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task CloseTheLoopOfAnOnSiteRequestFromDispatchThroughThePhoneWorkReportVerificationAndReturnVisit()
    {
        // The dispatcher takes an on-site request and dispatches it.
        string number;
        await using (var dispatcher = await SignInAtDemoAsync("dispatcher@demo.example"))
        {
            var page = dispatcher.Page;
            await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("type-ONSITE").ClickAsync();
            await page.GetByTestId("request-customer").FillAsync("C1002");
            await page.GetByTestId("request-customer").PressAsync("Tab");
            await page.GetByTestId("request-subject").FillAsync("滤网堵塞，出风弱");
            await page.GetByTestId("request-subject").PressAsync("Tab");
            await page.GetByTestId("request-save").ClickAsync();
            await ExpectUrlAsync(page, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
            number = page.Url[(page.Url.LastIndexOf('/') + 1)..];
            await page.GetByTestId("action-Assign").ClickAsync();
            await page.GetByTestId("cf-assigneeId").Locator(".rz-dropdown").ClickAsync();
            await page.Locator(".rz-dropdown-item", new() { HasText = "Engineer" }).First.ClickAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Assertions.Expect(page.GetByTestId("request-assignee")).ToContainTextAsync("Engineer");
            Assert.Empty(dispatcher.Errors);
        }

        // The engineer, on a phone, writes the work report with a part from the catalogue and the customer's signature.
        await using (var engineer = await SignInAtDemoAsync("engineer@demo.example", Phone))
        {
            var page = engineer.Page;
            await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/{number}");
            await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.GetByTestId("work-report-write").ClickAsync();
            await ExpectUrlAsync(page, $"/t/demo/requests/{number}/work-report$");
            await page.GetByTestId("report-fault-category").ClickAsync();
            await page.Locator(".rz-dropdown-item >> visible=true").First.ClickAsync();
            await page.GetByTestId("report-measures").FillAsync("清洗滤网并更换一片新滤网");
            await page.GetByTestId("part-search").FillAsync("P-KT-FLT");
            await page.GetByTestId("part-hit").First.ClickAsync();
            await Assertions.Expect(page.GetByTestId("report-part-line")).ToContainTextAsync("空气滤网");
            var pad = page.GetByTestId("signature-pad");
            await pad.ScrollIntoViewIfNeededAsync();
            var box = (await pad.BoundingBoxAsync())!;
            await page.Mouse.MoveAsync(box.X + 30, box.Y + box.Height / 2);
            await page.Mouse.DownAsync();
            for (var i = 1; i <= 20; i++)
            {
                await page.Mouse.MoveAsync(box.X + 30 + i * 12, box.Y + box.Height / 2 + (float)Math.Sin(i / 2.0) * 30);
            }

            await page.Mouse.UpAsync();
            await page.GetByTestId("signature-name").FillAsync("李四");
            await page.GetByTestId("signature-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("signature-image")).ToBeVisibleAsync();
            await SaveAsync(page, "work-report-phone-zh-CN");
            await page.GetByTestId("work-report-submit").ClickAsync();
            await page.Locator(".rz-dialog-confirm-buttons button").First.ClickAsync();
            await ExpectUrlAsync(page, $"/t/demo/requests/{number}$");
            await Assertions.Expect(page.GetByTestId("work-report-state")).ToContainTextAsync("待核销");
            await Assertions.Expect(page.Locator("main .as-page-head")).ToContainTextAsync("已处理");
            Assert.Empty(engineer.Errors);
        }

        // The manager verifies it and prints the service report with its QR code.
        await using (var manager = await SignInAtDemoAsync("manager@demo.example"))
        {
            var page = manager.Page;
            await page.GotoAsync($"{app.BaseUrl}/t/demo/verification");
            await WaitForCircuitAsync(page);
            var row = page.GetByTestId("verification-grid").Locator("tr", new() { HasText = number });
            await row.GetByTestId("verification-accept").ClickAsync();
            await page.GetByTestId("verify-confirm").ClickAsync();
            await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync("已核销");
            await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/{number}");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("work-report-print").ClickAsync();
            await Assertions.Expect(page.GetByTestId("service-report")).ToContainTextAsync("P-KT-FLT");
            await Assertions.Expect(page.GetByTestId("service-report-signature")).ToBeVisibleAsync();
            await Assertions.Expect(page.GetByTestId("service-report").Locator("svg")).ToBeVisibleAsync();
            await page.EmulateMediaAsync(new() { Media = Media.Print });
            await SaveAsync(page, "service-report-print-zh-CN");
            Assert.Empty(manager.Errors);
        }

        // The agent starts the return visit and records a satisfied customer: the request closes.
        await using (var agent = await SignInAtDemoAsync("agent@demo.example"))
        {
            var page = agent.Page;
            await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/{number}");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("action-StartReturnVisit").ClickAsync();
            await page.GetByTestId("action-confirm").ClickAsync();
            await Assertions.Expect(page.GetByTestId("visit-pending")).ToBeVisibleAsync();
            await page.GetByTestId("visit-solved").GetByText("是").ClickAsync();
            await page.GetByTestId("visit-overcharged").GetByText("否").ClickAsync();
            await page.GetByTestId("visit-satisfaction").Locator("button[aria-posinset='5']").ClickAsync();
            await page.GetByTestId("visit-comment").FillAsync("师傅很专业");
            await page.GetByTestId("visit-record").ClickAsync();
            await Assertions.Expect(page.GetByTestId("visit-history")).ToContainTextAsync("师傅很专业");
            await Assertions.Expect(page.Locator("main .as-page-head")).ToContainTextAsync("已关闭");
            Assert.Empty(agent.Errors);
        }
    }

    [Fact]
    public async Task SuggestKnowledgeArticlesWhileAnAgentTypesARequest()
    {
        await using var session = await SignInAtDemoAsync("agent@demo.example");
        var page = session.Page;
        await page.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("type-ONSITE").ClickAsync();
        await page.GetByTestId("request-subject").PressSequentiallyAsync("客户说空调不制冷了", new() { Delay = 30 });

        // The seeded article on the same fault appears as the agent types, and opens in a new tab.
        var suggestion = page.GetByTestId("request-suggestion").First;
        await Assertions.Expect(suggestion).ToContainTextAsync("空调不制冷");
        Assert.Equal("_blank", await suggestion.GetAttributeAsync("target"));
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task ShowAColleaguesCommentOnAnOpenRequestPageWithoutReloading()
    {
        await using var agent = await SignInAtDemoAsync("agent@demo.example");
        await using var dispatcher = await SignInAtDemoAsync("dispatcher@demo.example");

        // The agent takes a request; the dispatcher already has its page open when the agent writes on it.
        await agent.Page.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(agent.Page);
        await agent.Page.GetByTestId("type-ONSITE").ClickAsync();
        await agent.Page.GetByTestId("request-customer").FillAsync("C1001");
        await agent.Page.GetByTestId("request-subject").FillAsync("热水器显示E1");
        await agent.Page.GetByTestId("request-subject").PressAsync("Tab");
        await agent.Page.GetByTestId("request-save").ClickAsync();
        await ExpectUrlAsync(agent.Page, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
        await dispatcher.Page.GotoAsync(agent.Page.Url);
        await WaitForCircuitAsync(dispatcher.Page);
        await Assertions.Expect(dispatcher.Page.Locator("main h1")).ToContainTextAsync("热水器显示E1");
        await Assertions.Expect(dispatcher.Page.GetByTestId("timeline-updated")).ToHaveCountAsync(0);

        await agent.Page.GetByTestId("comment-text").FillAsync("客户说点火三次都失败");
        await agent.Page.GetByTestId("comment-add").ClickAsync();
        await Assertions.Expect(agent.Page.GetByTestId("request-timeline")).ToContainTextAsync("客户说点火三次都失败");

        // No reload on the dispatcher's side: the line arrives over the circuit, marked as new.
        await Assertions.Expect(dispatcher.Page.GetByTestId("request-timeline")).ToContainTextAsync("客户说点火三次都失败");
        await Assertions.Expect(dispatcher.Page.Locator("[data-testid=request-timeline] li.as-fresh")).ToContainTextAsync("客户说点火三次都失败");
        await Assertions.Expect(dispatcher.Page.GetByTestId("timeline-updated")).ToBeVisibleAsync();
        Assert.Empty(agent.Errors);
        Assert.Empty(dispatcher.Errors);
    }

    [Fact]
    public async Task RegisterAUnitAndLookUpItsWarranty()
    {
        await using var session = await SignInAtDemoAsync("dispatcher@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        // Register a unit for a customer.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/serials");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("serials-grid")).ToContainTextAsync("KT35-2024-0001");
        await page.GetByTestId("register-serial").ClickAsync();
        await page.GetByTestId("serial-number").FillAsync("js90-e2e-0001");
        await page.GetByTestId("serial-model").ClickAsync();
        await page.Locator(".rz-dropdown-item", new() { HasText = "JS-90" }).ClickAsync();
        await page.GetByTestId("serial-customer").FillAsync("C1004");
        await SaveAsync(page, "serial-register-zh-CN-desktop");
        await page.GetByTestId("serial-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("serials-grid")).ToContainTextAsync("JS90-E2E-0001");
        await ScreenshotsAsync(page, "serials-zh-CN");

        // Look it up: no purchase date yet, so its warranty is unknown; a registered unit shows its days left.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/warranty");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("warranty-sn").FillAsync("js90-e2e-0001");
        await page.GetByTestId("warranty-lookup").ClickAsync();
        await Assertions.Expect(page.GetByTestId("warranty-result")).ToContainTextAsync("西部水务集团");
        await page.GetByTestId("warranty-sn").FillAsync("KT35-2024-0001");
        await page.GetByTestId("warranty-sn").PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("warranty-result")).ToContainTextAsync("剩余");
        await Assertions.Expect(page.GetByTestId("warranty-agreement")).ToContainTextAsync("全年维保协议");

        // Extend it: the history keeps who, when, why and the fee.
        await page.GetByTestId("extend-warranty").ClickAsync();
        await page.GetByTestId("extend-reason").FillAsync("延保合同 EW-E2E");
        await SaveAsync(page, "warranty-extend-zh-CN-desktop");
        await page.GetByTestId("extend-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("extension-history")).ToContainTextAsync("延保合同 EW-E2E");
        await Assertions.Expect(page.GetByTestId("extension-history")).ToContainTextAsync("Dispatcher");
        await ScreenshotsAsync(page, "warranty-zh-CN");

        // Correct the registration: the unit's history says what changed.
        await page.GetByTestId("warranty-sn").FillAsync("KT35-2024-0001");
        await page.GetByTestId("warranty-sn").PressAsync("Enter");
        await page.GetByTestId("edit-unit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("serial-number")).ToHaveValueAsync("KT35-2024-0001");
        await page.GetByTestId("serial-supplier").FillAsync("华东供应链");
        await page.GetByTestId("serial-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("unit-history")).ToContainTextAsync("修改登记信息：供应商");
        await Assertions.Expect(page.GetByTestId("unit-history")).ToContainTextAsync("延保");
        await page.GetByTestId("warranty-sn").FillAsync("NOPE-404");
        await page.GetByTestId("warranty-lookup").ClickAsync();
        await Assertions.Expect(page.GetByTestId("warranty-none")).ToBeVisibleAsync();

        // Units leaving warranty: 30 days by default, any number of days on request.
        await page.GotoAsync($"{app.BaseUrl}/t/demo/serials?expiring=30");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("serials-grid")).ToContainTextAsync("RS200-0001");
        await Assertions.Expect(page.GetByTestId("serials-grid")).Not.ToContainTextAsync("RS200-0002");
        await page.GetByTestId("expiring-days").Locator("input").FillAsync("800");
        await page.GetByTestId("expiring-days").Locator("input").PressAsync("Tab");
        await Assertions.Expect(page.GetByTestId("serials-grid")).ToContainTextAsync("RS200-0002");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task ImportSerialNumbersOnlyWhenEveryRowIsGood()
    {
        await using var session = await SignInAtDemoAsync("agent@demo.example");
        var (page, errors) = (session.Page, session.Errors);

        await page.GotoAsync($"{app.BaseUrl}/t/demo/serials/import");
        await WaitForCircuitAsync(page);
        var bad = "序列号,型号编码,客户编号,购买日期\nE2E-IMP-1,KT-35,C1001,2026-02-01\nE2E-IMP-2,NO-MODEL,,2026-02-30\n";
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "units.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(bad) });
        await Assertions.Expect(page.GetByTestId("import-rows")).ToContainTextAsync("E2E-IMP-2");
        await Assertions.Expect(page.GetByTestId("import-commit")).ToHaveCountAsync(0);
        await ScreenshotsAsync(page, "serial-import-errors-zh-CN");

        var good = "序列号,型号编码,客户编号,购买日期\nE2E-IMP-1,KT-35,C1001,2026-02-01\nE2E-IMP-2,JS-90,,2026-02-28\n";
        await page.GetByTestId("import-file").SetInputFilesAsync(new FilePayload { Name = "units.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(good) });
        await page.GetByTestId("import-commit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("import-notice")).ToContainTextAsync("已导入 2 行");
        await Assertions.Expect(page.GetByTestId("import-preview")).ToHaveCountAsync(0);

        await page.GotoAsync($"{app.BaseUrl}/t/demo/warranty?sn=E2E-IMP-2");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("warranty-result")).ToContainTextAsync("JS-90");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task AddACustomFieldThatAgentsFillAndListsFilterAndExport()
    {
        // The admin adds a required "error code" to the on-site form and publishes it as the next version.
        await using (var admin = await SignInAtDemoAsync("admin@demo.example"))
        {
            var page = admin.Page;
            await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/forms");
            await WaitForCircuitAsync(page);
            await page.GetByTestId("design-ONSITE").ClickAsync();
            await ExpectUrlAsync(page, "/t/demo/admin/forms/request/[0-9a-f-]{36}$");
            await Assertions.Expect(page.GetByTestId("field-mounting")).ToBeVisibleAsync();
            await page.GetByTestId("palette-Text").ClickAsync();
            await page.GetByTestId("prop-label-zh").FillAsync("故障代码");
            await page.GetByTestId("prop-label-zh").PressAsync("Tab");
            await page.GetByTestId("prop-label-en").FillAsync("Error code");
            await page.GetByTestId("prop-label-en").PressAsync("Tab");
            await Assertions.Expect(page.GetByTestId("prop-key")).ToHaveValueAsync("error_code");
            await page.GetByTestId("prop-required").ClickAsync();
            // A default keeps other journeys' on-site requests valid once the field is required.
            await page.GetByTestId("prop-default").FillAsync("E0");
            await page.GetByTestId("prop-default").PressAsync("Tab");
            await page.GetByText("预览：员工").ClickAsync();
            await Assertions.Expect(page.GetByTestId("preview-staff")).ToContainTextAsync("故障代码");
            // Saved as a draft, the work survives a reload (the screenshots reload the page at phone size).
            await page.GetByTestId("designer-save").ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer-unsaved")).ToBeHiddenAsync();
            await ScreenshotsAsync(page, "form-designer-zh-CN");
            await Assertions.Expect(page.GetByTestId("field-error_code")).ToContainTextAsync("*");
            await page.GetByTestId("designer-publish").ClickAsync();
            await page.Locator(".rz-dialog .rz-button", new() { HasText = "发布" }).ClickAsync();
            await Assertions.Expect(page.GetByTestId("designer-status")).ToContainTextAsync("已发布版本 2");
            Assert.Empty(admin.Errors);
        }

        // An agent takes an on-site request: the new field is required, then filled.
        await using var agent = await SignInAtDemoAsync("agent@demo.example");
        var (agentPage, errors) = (agent.Page, agent.Errors);
        await agentPage.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(agentPage);
        await agentPage.GetByTestId("type-ONSITE").ClickAsync();
        await Assertions.Expect(agentPage.GetByTestId("cf-error_code")).ToBeVisibleAsync();
        await agentPage.GetByTestId("request-customer").FillAsync("C1003");
        await agentPage.GetByTestId("request-customer").PressAsync("Tab");
        await agentPage.GetByTestId("request-subject").FillAsync("显示故障代码后停机");
        await agentPage.GetByTestId("request-subject").PressAsync("Tab");
        await Assertions.Expect(agentPage.GetByTestId("cf-error_code").Locator("input")).ToHaveValueAsync("E0");
        await agentPage.GetByTestId("cf-error_code").Locator("input").FillAsync("");
        await agentPage.GetByTestId("cf-error_code").Locator("input").PressAsync("Tab");
        await agentPage.GetByTestId("request-save").ClickAsync();
        await Assertions.Expect(agentPage.GetByTestId("request-errors")).ToContainTextAsync("请填写故障代码");
        await agentPage.GetByTestId("cf-error_code").Locator("input").FillAsync("E5");
        await agentPage.GetByTestId("cf-error_code").Locator("input").PressAsync("Tab");
        await agentPage.GetByTestId("request-save").ClickAsync();
        await ExpectUrlAsync(agentPage, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
        await Assertions.Expect(agentPage.GetByTestId("request-fields")).ToContainTextAsync("E5");

        // The list filters by the field and exports it as a column.
        await agentPage.GotoAsync($"{app.BaseUrl}/t/demo/requests");
        await WaitForCircuitAsync(agentPage);
        await agentPage.GetByTestId("request-field").ClickAsync();
        await agentPage.Locator(".rz-dropdown-item", new() { HasText = "故障代码" }).First.ClickAsync();
        await agentPage.GetByTestId("request-field-value").FillAsync("E5");
        await agentPage.GetByTestId("request-field-value").PressAsync("Tab");
        await Assertions.Expect(agentPage.GetByTestId("requests-grid")).ToContainTextAsync("显示故障代码后停机");
        await Assertions.Expect(agentPage.GetByTestId("requests-grid")).Not.ToContainTextAsync("空调不制冷");
        await ScreenshotsAsync(agentPage, "requests-custom-field-zh-CN");
        await agentPage.GetByTestId("request-field-value").FillAsync("E5");
        await agentPage.GetByTestId("request-field-value").PressAsync("Tab");
        var download = await agentPage.RunAndWaitForDownloadAsync(() => agentPage.GetByTestId("requests-export").ClickAsync());
        var file = Path.Combine(Path.GetTempPath(), $"requests-{Guid.NewGuid():N}.xlsx");
        await download.SaveAsAsync(file);
        var rows = MiniExcelLibs.MiniExcel.Query(file, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        File.Delete(file);

        var row = Assert.Single(rows);
        Assert.Equal("E5", row["故障代码"]?.ToString());
        Assert.Equal("显示故障代码后停机", row["主题"]?.ToString());

        // Saved under a name, the filter comes back in one click; the board shows the same requests by status.
        await agentPage.GetByTestId("save-filter").ClickAsync();
        await agentPage.GetByTestId("filter-name").FillAsync("故障 E5");
        await agentPage.GetByTestId("filter-name-save").ClickAsync();
        // Saved once the page says so: leaving earlier would end the circuit before the save.
        await Assertions.Expect(agentPage.Locator(".rz-notification")).ToContainTextAsync("故障 E5");
        await agentPage.GotoAsync($"{app.BaseUrl}/t/demo/requests");
        await WaitForCircuitAsync(agentPage);
        await Assertions.Expect(agentPage.GetByTestId("requests-grid")).ToContainTextAsync("空调不制冷");
        await agentPage.GetByTestId("saved-filters").ClickAsync();
        await agentPage.Locator(".rz-dropdown-item", new() { HasText = "故障 E5" }).First.ClickAsync();
        await Assertions.Expect(agentPage.GetByTestId("requests-grid")).Not.ToContainTextAsync("空调不制冷");
        await Assertions.Expect(agentPage.GetByTestId("requests-grid")).ToContainTextAsync("显示故障代码后停机");
        await agentPage.GetByText("看板").ClickAsync();
        await Assertions.Expect(agentPage.GetByTestId("board-WaitingForAssignment")).ToContainTextAsync("显示故障代码后停机");
        await ExpectUrlAsync(agentPage, "layout=board");

        // A column the flow does not lead to from here refuses the card and says so.
        var waiting = agentPage.GetByTestId("board-WaitingForAssignment");
        await waiting.GetByTestId("board-card").Filter(new() { HasText = "显示故障代码后停机" }).DragToAsync(agentPage.GetByTestId("board-Processed"));
        await Assertions.Expect(agentPage.Locator(".rz-notification")).ToContainTextAsync("当前不能移到");
        await Assertions.Expect(waiting).ToContainTextAsync("显示故障代码后停机");

        // Dragged to "assigned", the card asks whom to assign it to, as the request page's button does, and moves.
        await waiting.GetByTestId("board-card").Filter(new() { HasText = "显示故障代码后停机" }).DragToAsync(agentPage.GetByTestId("board-Assigned"));
        await agentPage.GetByTestId("cf-assigneeId").Locator(".rz-dropdown").ClickAsync();
        await agentPage.Locator(".rz-dropdown-item", new() { HasText = "Engineer" }).First.ClickAsync();
        await agentPage.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(agentPage.GetByTestId("board-Assigned")).ToContainTextAsync("显示故障代码后停机");
        await Assertions.Expect(waiting).Not.ToContainTextAsync("显示故障代码后停机");
        Assert.Empty(errors);
    }

    /// <summary>A fresh zh-CN desktop browser signed in at the demo tenant; the page's script errors are collected.</summary>
    [Fact]
    public async Task SetSlaTargetsBusinessHoursAndHolidays()
    {
        await using var session = await SignInAtDemoAsync("admin@demo.example");
        var (page, errors) = (session.Page, session.Errors);
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/sla");
        await WaitForCircuitAsync(page);
        await Assertions.Expect(page.GetByTestId("sla-row-ONSITE")).ToContainTextAsync("72");

        // An urgent on-site request must be answered within half an hour; the type keeps 72 hours for everything else.
        await page.GetByTestId("sla-edit-ONSITE").ClickAsync();
        var cell = page.GetByTestId("sla-cell-FirstResponse-Urgent").Locator("input");
        await cell.FillAsync("0.5");
        await cell.PressAsync("Tab");
        await page.GetByTestId("sla-targets-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sla-targets-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("sla-row-ONSITE")).ToContainTextAsync("另有 1 项按优先级");

        // Office hours, then a holiday list with one wrong line that saves nothing until it is fixed.
        await page.GetByTestId("sla-tab-hours").ClickAsync();
        await page.GetByTestId("hours-mode").Locator(".rz-radiobutton-box").Nth(1).ClickAsync();
        await page.GetByTestId("hours-office").ClickAsync();
        await page.GetByTestId("hours-save").ClickAsync();
        await Assertions.Expect(page.GetByTestId("hours-works-Saturday")).ToBeVisibleAsync();
        await page.GetByTestId("sla-tab-holidays").ClickAsync();
        await page.GetByTestId("holiday-import").ClickAsync();
        await page.GetByTestId("holiday-import-text").FillAsync($"{DateTime.Today.Year}-12-31,年终盘点\n{DateTime.Today.Year}-13-01,坏行");
        await page.GetByTestId("holiday-import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("holiday-import-errors")).ToContainTextAsync("第 2 行");
        await page.GetByTestId("holiday-import-text").FillAsync($"{DateTime.Today.Year}-12-31,年终盘点\n{DateTime.Today.Year}-12-26,调休,workday");
        await page.GetByTestId("holiday-import-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("holiday-grid")).ToContainTextAsync("年终盘点");
        await Assertions.Expect(page.GetByTestId("holiday-grid")).ToContainTextAsync("调休上班");
        await SaveAsync(page, "sla-holidays-zh-CN");

        Assert.Empty(errors);
    }

    [Fact]
    public async Task DrawAStatusAndATransitionWithARequiredFieldThatAgentsThenMustFill()
    {
        await using var admin = await SignInAtDemoAsync("admin@demo.example");
        var page = admin.Page;
        await page.GotoAsync($"{app.BaseUrl}/t/demo/admin/workflows");
        await WaitForCircuitAsync(page);
        await page.GetByTestId("workflow-REMOTE").ClickAsync();
        await ExpectUrlAsync(page, "/admin/workflows/REMOTE$");
        await page.GetByTestId("workflow-edit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("workflow-draft")).ToBeVisibleAsync();

        // A new status, named in both languages, waiting on the customer.
        await page.GetByTestId("designer-add-status").ClickAsync();
        await page.GetByTestId("status-name-zh").FillAsync("等待客户");
        await page.GetByTestId("status-name-zh").PressAsync("Tab");
        await page.GetByTestId("status-name-en").FillAsync("Waiting for customer");
        await page.GetByTestId("status-name-en").PressAsync("Tab");
        var newStatus = await page.GetByTestId("status-key").InputValueAsync();

        // Dragged from the edge of "assigned" onto the new status: a transition, which then asks for the answer.
        var from = page.Locator(".wf-graph g.x6-node[data-cell-id=\"Assigned\"]");
        var to = page.Locator($".wf-graph g.x6-node[data-cell-id=\"{newStatus}\"]");
        await from.HoverAsync();
        var port = (await from.Locator("circle[port=\"bottom\"]").BoundingBoxAsync())!;
        var target = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(port.X + port.Width / 2, port.Y + port.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(port.X + 40, port.Y + 20, new() { Steps = 5 });
        await page.Mouse.MoveAsync(target.X + target.Width / 2, target.Y + target.Height / 2, new() { Steps = 15 });
        await page.Mouse.UpAsync();
        await Assertions.Expect(page.GetByTestId("transition-panel")).ToBeVisibleAsync();
        await page.GetByTestId("transition-label-zh").FillAsync("询问客户");
        await page.GetByTestId("transition-label-zh").PressAsync("Tab");
        await page.GetByTestId("transition-label-en").FillAsync("Ask the customer");
        await page.GetByTestId("transition-label-en").PressAsync("Tab");
        await page.GetByTestId("transition-fields").ClickAsync();
        await page.Locator(".rz-popup:visible li", new() { HasText = "答复内容" }).First.ClickAsync();
        await page.Keyboard.PressAsync("Escape");
        var transition = await page.GetByTestId("transition-key").InputValueAsync();
        await SaveAsync(page, "workflow-designer-zh-CN");

        // Published; the open request still on version 1 is moved along.
        await page.GetByTestId("workflow-publish").ClickAsync();
        await Assertions.Expect(page.GetByTestId("workflow-published")).ToContainTextAsync("2");
        await page.GetByTestId("migrate-move").ClickAsync();
        await Assertions.Expect(page.Locator(".rz-notification")).ToContainTextAsync("已迁移 1 个请求");

        // An agent takes a remote-support request, assigns it, and finds the new step, which will not go without the answer.
        await using var agent = await SignInAtDemoAsync("agent@demo.example");
        var work = agent.Page;
        await work.GotoAsync($"{app.BaseUrl}/t/demo/requests/new");
        await WaitForCircuitAsync(work);
        await work.GetByTestId("type-REMOTE").ClickAsync();
        await work.GetByTestId("request-sn").FillAsync("KT35-2024-0001");
        await work.GetByTestId("request-sn").PressAsync("Tab");
        await Assertions.Expect(work.GetByTestId("request-customer")).ToHaveValueAsync("C1001");
        await work.GetByTestId("request-subject").FillAsync("需要客户提供照片");
        await work.GetByTestId("request-subject").PressAsync("Tab");
        await work.GetByTestId("request-save").ClickAsync();
        await ExpectUrlAsync(work, "/t/demo/requests/SR-[0-9]{8}-[0-9]{4}$");
        await Assertions.Expect(work.GetByTestId("request-workflow")).ToContainTextAsync("v2");
        await work.GetByTestId("action-Assign").ClickAsync();
        await work.GetByTestId("cf-assigneeId").Locator(".rz-dropdown").ClickAsync();
        await work.Locator(".rz-dropdown-item", new() { HasText = "Engineer" }).First.ClickAsync();
        await work.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(work.GetByTestId($"action-{transition}")).ToBeVisibleAsync();
        await work.GetByTestId($"action-{transition}").ClickAsync();
        await work.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(work.GetByTestId("transition-error")).ToBeVisibleAsync();
        await Assertions.Expect(work.GetByTestId("cf-answer")).ToContainTextAsync("请填写");
        await work.Locator("#tf-answer").FillAsync("请拍摄室外机铭牌");
        await work.Locator("#tf-answer").PressAsync("Tab");
        await work.GetByTestId("action-confirm").ClickAsync();
        await Assertions.Expect(work.Locator(".as-page-head .as-status")).ToContainTextAsync("等待客户");
        await Assertions.Expect(work.GetByTestId("request-timeline")).ToContainTextAsync("请拍摄室外机铭牌");

        Assert.Empty(admin.Errors);
        Assert.Empty(agent.Errors);
    }

    private async Task<BrowserSession> SignInAtDemoAsync(string email, ViewportSize? viewport = null)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = viewport ?? Desktop, Locale = "zh-CN", HasTouch = viewport == Phone });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.PageError += (_, message) => session.Errors.Add(message);
        await SignInAsync(page, "/t/demo", email, "Demo@12345");
        await page.WaitForURLAsync(new Regex("/t/demo/(my-work)?$"));
        return session;
    }

    private sealed record BrowserSession(IBrowserContext Context, IPage Page) : IAsyncDisposable
    {
        public List<string> Errors { get; } = [];

        public ValueTask DisposeAsync() => Context.DisposeAsync();
    }

    /// <summary>Fills and posts the server-rendered sign-in form under <paramref name="pathBase"/> ("/t/demo", or "" for the platform).</summary>
    private async Task SignInAsync(IPage page, string pathBase, string email, string password)
    {
        await page.GotoAsync($"{app.BaseUrl}{pathBase}/account/login");
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync(password);
        await page.GetByTestId("login-submit").ClickAsync();
    }

    /// <summary>
    /// Waits for the address bar rather than a navigation event (Blazor navigates in-page), and on failure says where the page
    /// is and what it shows, with a screenshot: a slow CI machine must leave enough behind to tell a bug from a hiccup.
    /// </summary>
    private static async Task ExpectUrlAsync(IPage page, string pattern)
    {
        try
        {
            await Assertions.Expect(page).ToHaveURLAsync(new Regex(pattern), new() { Timeout = 30_000 });
        }
        catch (Exception failure) when (failure is PlaywrightException or TimeoutException)
        {
            await SaveAsync(page, "failure-" + DateTime.UtcNow.ToString("HHmmss", System.Globalization.CultureInfo.InvariantCulture));
            var text = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
            throw new Xunit.Sdk.XunitException($"Expected the address to match {pattern}, it is {page.Url}. The page shows:\n{text}");
        }
    }

    /// <summary>blazor.web.js loaded and its circuit connected: the negotiate request is done and the network is quiet.</summary>
    private static async Task WaitForCircuitAsync(IPage page)
    {
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".rz-sidebar")).ToBeVisibleAsync();
    }

    private static async Task ScreenshotsAsync(IPage page, string name)
    {
        await SaveAsync(page, name + "-desktop");
        // A phone loads the page at its own size (responsive layout decides at start), so reload after resizing.
        await page.SetViewportSizeAsync(Phone.Width, Phone.Height);
        await page.ReloadAsync();
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator(".rz-header")).ToBeVisibleAsync();
        await SaveAsync(page, name + "-phone");
        await page.SetViewportSizeAsync(Desktop.Width, Desktop.Height);
        await page.ReloadAsync();
        await WaitForCircuitAsync(page);
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        var copyTo = Environment.GetEnvironmentVariable("SCREENSHOT_DIR");
        if (!string.IsNullOrWhiteSpace(copyTo))
        {
            Directory.CreateDirectory(copyTo);
            File.Copy(path, Path.Combine(copyTo, name + ".png"), overwrite: true);
        }
    }
}
