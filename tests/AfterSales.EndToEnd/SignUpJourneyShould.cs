using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace AfterSales.EndToEnd;

/// <summary>Self-service sign-up in a real browser: the form with its live identifier check, the mailed link, and the first-run guide.</summary>
public sealed partial class SignUpJourneyShould(KestrelAppFactory app) : IClassFixture<KestrelAppFactory>, IAsyncLifetime
{
    private static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "artifacts", "screenshots");

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
    public async Task SignUpConfirmAndLandInTheGuide()
    {
        await using var context = await _browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new() { Width = 1280, Height = 900 }, Locale = "zh-CN" });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, message) => errors.Add(message);
        var identifier = "e2e" + Guid.NewGuid().ToString("N")[..8];
        var email = $"owner@{identifier}.example";

        await page.GotoAsync($"{app.BaseUrl}/signup");
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("开始免费试用");

        // The identifier is checked while it is typed: reserved, taken, then free.
        await TypeIdentifierAsync(page, "www", page.GetByTestId("identifier-unavailable"), "保留");
        await TypeIdentifierAsync(page, "demo", page.GetByTestId("identifier-unavailable"), "占用");
        await TypeIdentifierAsync(page, identifier, page.GetByTestId("identifier-available"), $"/t/{identifier}/");

        await page.GetByTestId("signup-company").FillAsync("华东暖通售后有限公司");
        await page.GetByTestId("signup-name").FillAsync("李主管");
        await page.GetByTestId("signup-email").FillAsync(email);
        await page.GetByTestId("signup-password").FillAsync("short");
        await page.GetByTestId("signup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("error-Password")).ToBeVisibleAsync();
        await SaveAsync(page, "signup-zh-CN");

        await page.GetByTestId("signup-password").FillAsync("HuaDong@2026");
        await page.GetByTestId("signup-submit").ClickAsync();
        await Assertions.Expect(page.GetByTestId("signup-sent")).ToContainTextAsync(email);

        // The confirmation link, from the mail the Development host wrote to its pickup folder.
        var link = await MailedLinkAsync(email);
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("signup-confirmed")).ToBeVisibleAsync();
        await page.GetByTestId("signup-login").ClickAsync();
        await page.Locator("#email").FillAsync(email);
        await page.Locator("#password").FillAsync("HuaDong@2026");
        await page.GetByTestId("login-submit").ClickAsync();

        await page.WaitForURLAsync(new Regex($"/t/{identifier}/getting-started$"));
        await page.WaitForFunctionAsync("() => window.Blazor !== undefined");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("快速上手");
        await Assertions.Expect(page.GetByTestId("guide-4")).ToContainTextAsync("导入序列号");
        await SaveAsync(page, "signup-guide-zh-CN");

        await page.GotoAsync($"{app.BaseUrl}/t/{identifier}/admin/billing");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await Assertions.Expect(page.GetByTestId("billing-status")).ToHaveTextAsync("试用中");
        await Assertions.Expect(page.GetByTestId("usage-StaffSeats")).ToContainTextAsync("1 / 3");
        await SaveAsync(page, "billing-zh-CN");

        await page.GetByTestId("culture-en").ClickAsync();
        await Assertions.Expect(page.Locator("main h1")).ToHaveTextAsync("Plan and billing");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await SaveAsync(page, "billing-en");

        Assert.Empty(errors);
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

        throw new InvalidOperationException($"No sign-up mail to {to} in {folder}.");
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

    [GeneratedRegex("href=\"([^\"]*signup/confirm[^\"]*)\"")]
    private static partial Regex LinkPattern();

    /// <summary>
    /// Types into the identifier box until the live check answers. The check runs over the circuit, and keystrokes made
    /// while the prerendered page is still attaching reach nobody; on a loaded machine that took longer than one wait.
    /// </summary>
    private static async Task TypeIdentifierAsync(IPage page, string text, ILocator answer, string expected)
    {
        var box = page.GetByTestId("signup-identifier");
        for (var attempt = 1; ; attempt++)
        {
            await box.FillAsync("");
            await box.PressSequentiallyAsync(text);
            try
            {
                await Assertions.Expect(answer).ToContainTextAsync(expected, new() { Timeout = 5_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 6)
            {
            }
        }
    }
}
