using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Host.Identity;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Forgotten and changed passwords, with the reset mail caught instead of sent.</summary>
public sealed partial class PasswordShould(PasswordShould.MailFactory factory) : IClassFixture<PasswordShould.MailFactory>
{
    [Fact]
    public async Task ResetAForgottenPasswordThroughTheMailedLink()
    {
        var browser = factory.CreateBrowser();

        var (_, sent) = await browser.PostFormAsync("/t/demo/account/forgot-password", "forgot", new Dictionary<string, string> { ["Input.Email"] = "agent@demo.example" });
        Assert.Contains("data-testid=\"reset-sent\"", sent, StringComparison.Ordinal);
        var mail = Assert.Single(factory.Mails, m => m.To == "agent@demo.example");
        var link = new Uri(WebUtility.HtmlDecode(LinkPattern().Match(mail.Body).Groups[1].Value));
        Assert.StartsWith("/t/demo/account/reset-password", link.AbsolutePath, StringComparison.Ordinal);

        var resetPage = await browser.GetStringAsync(link.PathAndQuery);
        var (_, done) = await browser.PostFormAsync(link.PathAndQuery, "reset", new Dictionary<string, string>
        {
            ["Input.Email"] = Http.Hidden(resetPage, "Input.Email"),
            ["Input.Code"] = Http.Hidden(resetPage, "Input.Code"),
            ["Input.Password"] = "Reset@2026x",
            ["Input.Confirm"] = "Reset@2026x",
        });
        Assert.Contains("data-testid=\"reset-done\"", done, StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().LoginAsync("/t/demo", "agent@demo.example", "Reset@2026x")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateBrowser().LoginAsync("/t/demo", "agent@demo.example")).StatusCode);
    }

    [Fact]
    public async Task AnswerTheSameForAnUnknownAddressAndSendNothing()
    {
        var (_, sent) = await factory.CreateBrowser().PostFormAsync("/t/demo/account/forgot-password", "forgot",
            new Dictionary<string, string> { ["Input.Email"] = "admin@acme.example" });

        Assert.Contains("data-testid=\"reset-sent\"", sent, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Mails, m => m.To == "admin@acme.example");
    }

    [Fact]
    public async Task RefuseATamperedResetCode()
    {
        var url = "/t/demo/account/reset-password?email=manager%40demo.example&code=bm90LWEtdG9rZW4";
        var page = await factory.CreateBrowser().GetStringAsync(url);
        var (_, html) = await factory.CreateBrowser().PostFormAsync(url, "reset", new Dictionary<string, string>
        {
            ["Input.Email"] = Http.Hidden(page, "Input.Email"),
            ["Input.Code"] = Http.Hidden(page, "Input.Code"),
            ["Input.Password"] = "Reset@2026x",
            ["Input.Confirm"] = "Reset@2026x",
        });

        Assert.DoesNotContain("data-testid=\"reset-done\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().LoginAsync("/t/demo", "manager@demo.example")).StatusCode);
    }

    [Fact]
    public async Task ChangeThePasswordOnlyWithTheCurrentOne()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "dispatcher@demo.example");

        var (_, wrong) = await browser.PostFormAsync("/t/demo/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = "Not@TheOne1",
            ["Input.Password"] = "Changed@2026x",
            ["Input.Confirm"] = "Changed@2026x",
        });
        var (_, changed) = await browser.PostFormAsync("/t/demo/account/change-password", "change-password", new Dictionary<string, string>
        {
            ["Input.Current"] = AppFactory.Password,
            ["Input.Password"] = "Changed@2026x",
            ["Input.Confirm"] = "Changed@2026x",
        });

        Assert.DoesNotContain("data-testid=\"password-changed\"", wrong, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"password-changed\"", changed, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await factory.CreateBrowser().LoginAsync("/t/demo", "dispatcher@demo.example", "Changed@2026x")).StatusCode);
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    public sealed record Mail(string To, string Subject, string Body);

    /// <summary>The host with a mail sender that keeps what it is given.</summary>
    public sealed class MailFactory : AppFactory, IAppEmailSender
    {
        public ConcurrentBag<Mail> Mails { get; } = [];

        public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
        {
            Mails.Add(new Mail(to, subject, htmlBody));
            return Task.CompletedTask;
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton<IAppEmailSender>(this));
        }
    }
}
