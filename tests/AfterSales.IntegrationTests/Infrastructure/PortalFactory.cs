using System.Collections.Concurrent;
using System.Net;
using System.Text.RegularExpressions;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using AfterSales.Portal;
using AfterSales.Portal.Accounts;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>
/// The host as the customer portal needs it in tests: the issuer is the test server's own address, the portal's back channel
/// (code exchange, userinfo) goes to the in-memory server, and mails are kept instead of sent.
/// </summary>
public partial class PortalFactory : AppFactory, IAppEmailSender
{
    public const string Issuer = "http://localhost/";

    /// <summary><c>Portal:SignInsPerMinute</c> per address; high so ordinary tests never reach it.</summary>
    public int SignInsPerMinute { get; init; } = 10_000;

    public const int MaxAttachmentBytes = 64 * 1024;

    public ConcurrentQueue<Mail> Mails { get; } = new();

    public Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        Mails.Enqueue(new Mail(to, subject, htmlBody));
        return Task.CompletedTask;
    }

    /// <summary>The path and query of the link in the last mail sent to <paramref name="to"/>.</summary>
    public string LinkMailedTo(string to)
    {
        var mail = Mails.Last(m => m.To == to);
        return new Uri(WebUtility.HtmlDecode(LinkPattern().Match(mail.Body).Groups[1].Value)).PathAndQuery;
    }

    /// <summary>A confirmed portal account with <paramref name="password"/> for the customer <paramref name="customerCode"/> of the tenant.</summary>
    public async Task<PortalAccount> CreateAccountAsync(string tenant, string customerCode, string email, string password = Password)
    {
        await using var scope = await TenantScopeAsync(tenant);
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IPortalDb>>().Create();
        var customer = await db.Customers.SingleAsync(c => c.Code == customerCode);
        var account = new PortalAccount { CustomerId = customer.Id, Email = email, NormalizedEmail = PortalAccount.Normalize(email), EmailConfirmed = true };
        account.PasswordHash = scope.ServiceProvider.GetRequiredService<IPasswordHasher<PortalAccount>>().HashPassword(account, password);
        db.PortalAccounts.Add(account);
        await db.SaveChangesAsync();
        return account;
    }

    /// <summary>Signs in through the portal's own button, as a browser does: sign-in → authorize → login form → authorize → callback.</summary>
    public async Task<HttpClient> SignedInCustomerAsync(string tenant, string email, string password = Password)
    {
        var browser = CreateBrowser();
        var response = await browser.GetAsync($"/t/{tenant}/portal/signin");
        for (var hops = 0; hops < 10 && response.StatusCode == HttpStatusCode.Redirect; hops++)
        {
            var next = Http.RedirectPath(response)!;
            if (next.Contains("/portal/login", StringComparison.Ordinal))
            {
                (response, _) = await browser.PostFormAsync(next, "portal-login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
                continue;
            }

            if (next.StartsWith($"/t/{tenant}/portal/requests", StringComparison.Ordinal))
            {
                return browser;
            }

            response = await browser.GetAsync(next);
        }

        throw new InvalidOperationException($"The sign-in of {email} at {tenant} did not complete: {(int)response.StatusCode} {Http.RedirectPath(response)}");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Api:Issuer", Issuer);
        // Small, so the upload tests reach the limit with small files.
        builder.UseSetting("Portal:MaxAttachmentBytes", MaxAttachmentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Portal:SignInsPerMinute", SignInsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IAppEmailSender>(this);
            services.AddHttpClient(PortalSignIn.BackchannelClient).ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
        });
    }

    /// <summary>Signs in on the tenant's subdomain, following absolute redirects between the subdomain and the issuer's host.</summary>
    public async Task<HttpClient> SignedInOnSubdomainAsync(string tenant, string email, string baseHost, string password = Password)
    {
        var browser = CreateBrowser($"http://{tenant}.{baseHost}");
        var response = await browser.GetAsync("/portal/signin");
        for (var hops = 0; hops < 10 && response.StatusCode == HttpStatusCode.Redirect; hops++)
        {
            // A relative redirect is relative to the address that answered, which is the issuer's host during the authorization part.
            var next = new Uri(response.RequestMessage!.RequestUri!, response.Headers.Location!);
            if (next.AbsolutePath.EndsWith("/portal/login", StringComparison.Ordinal))
            {
                (response, _) = await browser.PostFormAsync(next.AbsoluteUri, "portal-login", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
                continue;
            }

            if (next.Host == browser.BaseAddress!.Host && next.AbsolutePath.StartsWith("/portal/requests", StringComparison.Ordinal))
            {
                return browser;
            }

            response = await browser.GetAsync(next);
        }

        throw new InvalidOperationException($"The subdomain sign-in of {email} at {tenant} did not complete: {(int)response.StatusCode} {response.Headers.Location}");
    }

    [GeneratedRegex("href=\"([^\"]+)\"")]
    private static partial Regex LinkPattern();

    public sealed record Mail(string To, string Subject, string Body);
}
