using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Security.Claims;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using AfterSales.Portal;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.WebUtilities;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Portal customers' accounts and their OpenID Connect sign-in: authorization code with PKCE against the host's own server,
/// registration with a mailed confirmation, password reset, lockout, and no sign-in at another tenant's portal.
/// </summary>
public sealed class PortalSignInShould(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private const string RedirectUri = PortalFactory.Issuer + "t/demo/portal/signin-callback";

    [Fact]
    public async Task PublishTheAuthorizationEndpointAndS256InTheDiscoveryDocument()
    {
        using var json = JsonDocument.Parse(await factory.CreateBrowser().GetStringAsync("/.well-known/openid-configuration"));

        Assert.Equal(PortalFactory.Issuer + "connect/authorize", json.RootElement.GetProperty("authorization_endpoint").GetString());
        Assert.Contains("S256", json.RootElement.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("authorization_code", json.RootElement.GetProperty("grant_types_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task IssueACodeForTheVerifierThatMatchesItsChallengeAndTellWhoSignedIn()
    {
        var account = await factory.CreateAccountAsync("demo", "C1001", "pkce@customer.example");
        var browser = factory.CreateBrowser();
        var verifier = Verifier();

        var code = await AuthorizeAsync(browser, "pkce@customer.example", verifier);
        var token = await browser.PostAsync("/t/demo/connect/token", CodeRequest(code, verifier));
        var body = await token.Content.ReadAsStringAsync();
        Assert.True(token.IsSuccessStatusCode, body);
        var accessToken = JsonDocument.Parse(body).RootElement.GetProperty("access_token").GetString()!;
        var userInfo = await browser.GetWithTokenAsync("/t/demo/connect/userinfo", accessToken);

        Assert.Equal(HttpStatusCode.OK, userInfo.StatusCode);
        using var claims = JsonDocument.Parse(await userInfo.Content.ReadAsStringAsync());
        Assert.Equal(account.Id.ToString(), claims.RootElement.GetProperty("sub").GetString());
        Assert.Equal("demo", claims.RootElement.GetProperty("tenant").GetString());
        // A customer's token is no key to the staff API.
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetWithTokenAsync("/t/demo/api/v1/customers", accessToken)).StatusCode);
    }

    [Fact]
    public async Task RefuseACodeWithTheWrongVerifierAndAtAnotherTenantsAddress()
    {
        await factory.CreateAccountAsync("demo", "C1002", "verifier@customer.example");
        var browser = factory.CreateBrowser();
        var verifier = Verifier();
        var code = await AuthorizeAsync(browser, "verifier@customer.example", verifier);

        await Http.AssertTokenRefusedAsync(await browser.PostAsync("/t/demo/connect/token", CodeRequest(code, Verifier())));

        var second = await AuthorizeAsync(browser, null, verifier);
        await Http.AssertTokenRefusedAsync(await browser.PostAsync("/t/acme/connect/token", CodeRequest(second, verifier)));
    }

    [Fact]
    public async Task SignInThroughThePortalButtonAndShowTheCustomersMenu()
    {
        await factory.CreateAccountAsync("demo", "C1003", "button@customer.example");

        var browser = await factory.SignedInCustomerAsync("demo", "button@customer.example");
        var (_, home) = await browser.GetPageAsync("/t/demo/portal");
        var (_, acmeHome) = await browser.GetPageAsync("/t/acme/portal");

        Assert.Contains("data-testid=\"portal-nav-requests\"", home, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"portal-nav-requests\"", acmeHome, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotCountAStaffMemberAsACustomer()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");

        var (_, home) = await browser.GetPageAsync("/t/demo/portal");

        Assert.DoesNotContain("data-testid=\"portal-nav-requests\"", home, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"portal-signin\"", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LockTheAccountAfterFiveWrongPasswords()
    {
        await factory.CreateAccountAsync("demo", "C1004", "lockout@customer.example");
        var browser = factory.CreateBrowser();

        var errors = new List<string?>();
        for (var attempt = 0; attempt < 5; attempt++)
        {
            errors.Add(await LoginErrorAsync(browser, "/t/demo", "lockout@customer.example", "Wrong@pass" + attempt));
        }

        var withRightPassword = await LoginErrorAsync(browser, "/t/demo", "lockout@customer.example", AppFactory.Password);

        Assert.Equal(["Invalid", "Invalid", "Invalid", "Invalid", "LockedOut"], errors);
        Assert.Equal("LockedOut", withRightPassword);
    }

    [Fact]
    public async Task NotKnowACustomerOfDemoAtAcmesPortal()
    {
        await factory.CreateAccountAsync("demo", "C1005", "tenant@customer.example");
        var browser = factory.CreateBrowser();

        var atAcme = await LoginErrorAsync(browser, "/t/acme", "tenant@customer.example", AppFactory.Password);
        await Assert.ThrowsAsync<InvalidOperationException>(() => factory.SignedInCustomerAsync("acme", "tenant@customer.example"));
        // Signed in at demo, the customer is still unknown to acme's authorization request, and demo's client is refused there.
        Assert.Null(await LoginErrorAsync(browser, "/t/demo", "tenant@customer.example", AppFactory.Password));
        var acmeAuthorize = await browser.GetAsync(AuthorizeUrl("acme", "portal-acme", PortalFactory.Issuer + "t/acme/portal/signin-callback", Verifier()));
        var demoClientAtAcme = await browser.GetAsync(AuthorizeUrl("acme", "portal-demo", RedirectUri, Verifier()));

        Assert.Equal("Invalid", atAcme);
        Assert.StartsWith("/t/acme/portal/login", Http.RedirectPath(acmeAuthorize), StringComparison.Ordinal);
        // The refusal goes back to the client, as OpenID Connect says, with an error and no code.
        var refusal = QueryHelpers.ParseQuery(demoClientAtAcme.Headers.Location?.Query ?? "");
        Assert.True(refusal.ContainsKey("error"));
        Assert.False(refusal.ContainsKey("code"));
    }

    [Fact]
    public async Task RegisterAMatchingCustomerConfirmByMailAndSignIn()
    {
        var browser = factory.CreateBrowser();

        var (_, unknown) = await browser.PostFormAsync("/t/demo/portal/register", "portal-register", Registration("nobody@customer.example", "10000000000"));
        var (_, created) = await browser.PostFormAsync("/t/demo/portal/register", "portal-register", Registration("xiaoming@customer.example", "13900001111"));
        var beforeConfirming = await LoginErrorAsync(browser, "/t/demo", "xiaoming@customer.example", "Xiaoming@2026");
        var (_, confirmed) = await browser.GetPageAsync(factory.LinkMailedTo("xiaoming@customer.example"));
        var signedIn = await factory.SignedInCustomerAsync("demo", "xiaoming@customer.example", "Xiaoming@2026");

        Assert.Contains("data-testid=\"portal-register-nomatch\"", unknown, StringComparison.Ordinal);
        Assert.Contains("href=\"portal/contact\"", unknown, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Mails, m => m.To == "nobody@customer.example");
        Assert.Contains("data-testid=\"portal-register-done\"", created, StringComparison.Ordinal);
        Assert.Equal("NotConfirmed", beforeConfirming);
        Assert.Contains("data-testid=\"portal-confirmed\"", confirmed, StringComparison.Ordinal);
        Assert.NotNull(signedIn);
    }

    [Fact]
    public async Task ResetAForgottenPasswordOnceThroughTheMailedLink()
    {
        await factory.CreateAccountAsync("demo", "C1006", "reset@customer.example");
        var browser = factory.CreateBrowser();

        var (_, sent) = await browser.PostFormAsync("/t/demo/portal/forgot", "portal-forgot", new Dictionary<string, string> { ["Input.Email"] = "reset@customer.example" });
        var link = factory.LinkMailedTo("reset@customer.example");
        var (_, done) = await browser.PostFormAsync(link, "portal-reset", new Dictionary<string, string> { ["Input.Password"] = "Renewed@2026", ["Input.Confirm"] = "Renewed@2026" });
        var (_, again) = await browser.GetPageAsync(link);

        Assert.Contains("data-testid=\"portal-reset-sent\"", sent, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"portal-reset-done\"", done, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"portal-reset-invalid\"", again, StringComparison.Ordinal);
        Assert.NotNull(await LoginErrorAsync(factory.CreateBrowser(), "/t/demo", "reset@customer.example", AppFactory.Password));
        Assert.NotNull(await factory.SignedInCustomerAsync("demo", "reset@customer.example", "Renewed@2026"));
    }

    [Fact]
    public async Task LetTheServiceDeskInviteACustomerWhoThenChoosesAPassword()
    {
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IPortalDb>>().Create();
            (await db.Customers.SingleAsync(c => c.Code == "C1007")).Email = "invited@customer.example";
            await db.SaveChangesAsync();
        }

        PortalInviteOutcome byEngineer, byAgent;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var invitations = scope.ServiceProvider.GetRequiredService<IPortalInvitations>();
            var customerId = (await scope.ServiceProvider.GetRequiredService<IDbFactory<IPortalDb>>().Create().Customers.SingleAsync(c => c.Code == "C1007")).Id;
            byEngineer = await invitations.InviteAsync(customerId, "http://localhost/t/demo/", Staff(Roles.Engineer));
            byAgent = await invitations.InviteAsync(customerId, "http://localhost/t/demo/", Staff(Roles.Agent));
        }

        var browser = factory.CreateBrowser();
        var (_, done) = await browser.PostFormAsync(factory.LinkMailedTo("invited@customer.example"), "portal-reset",
            new Dictionary<string, string> { ["Input.Password"] = "Invited@2026", ["Input.Confirm"] = "Invited@2026" });

        Assert.Equal((PortalInviteOutcome.Forbidden, PortalInviteOutcome.Sent), (byEngineer, byAgent));
        Assert.Single(factory.Mails, m => m.To == "invited@customer.example");
        Assert.Contains("data-testid=\"portal-reset-done\"", done, StringComparison.Ordinal);
        Assert.NotNull(await factory.SignedInCustomerAsync("demo", "invited@customer.example", "Invited@2026"));
    }

    private static ClaimsPrincipal Staff(string role) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Role, role), new Claim(TenantClaimTypes.Tenant, "demo"), new Claim(ClaimTypes.NameIdentifier, "staff")], "test"));

    private static Dictionary<string, string> Registration(string email, string phone) => new()
    {
        ["Input.Email"] = email,
        ["Input.Phone"] = phone,
        ["Input.Password"] = "Xiaoming@2026",
        ["Input.Confirm"] = "Xiaoming@2026",
    };

    /// <summary>Posts the portal login form; null when it signed in (a redirect), else why not (a <c>PortalSignInResult</c>).</summary>
    private static async Task<string?> LoginErrorAsync(HttpClient browser, string pathBase, string email, string password)
    {
        var (response, html) = await browser.PostFormAsync(pathBase + "/portal/login", "portal-login",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return null;
        }

        var start = html.IndexOf("data-testid=\"portal-login-error\" data-reason=\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The login page shows no error.");
        var reason = html[(start + "data-testid=\"portal-login-error\" data-reason=\"".Length)..];
        return reason[..reason.IndexOf('"')];
    }

    /// <summary>Signs in at demo's login page (unless <paramref name="email"/> is null: already signed in), then asks for a code.</summary>
    private static async Task<string> AuthorizeAsync(HttpClient browser, string? email, string verifier)
    {
        if (email is not null)
        {
            Assert.Null(await LoginErrorAsync(browser, "/t/demo", email, AppFactory.Password));
        }

        var response = await browser.GetAsync(AuthorizeUrl("demo", "portal-demo", RedirectUri, verifier));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!;
        Assert.StartsWith(RedirectUri, location.AbsoluteUri, StringComparison.Ordinal);
        var query = QueryHelpers.ParseQuery(location.Query);
        Assert.Equal("the-state", query["state"].ToString());
        return query["code"].ToString();
    }

    private static string AuthorizeUrl(string tenant, string clientId, string redirectUri, string verifier) =>
        QueryHelpers.AddQueryString($"/t/{tenant}/connect/authorize", new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["response_type"] = "code",
            ["redirect_uri"] = redirectUri,
            ["scope"] = "openid email",
            ["state"] = "the-state",
            ["code_challenge"] = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });

    private static FormUrlEncodedContent CodeRequest(string code, string verifier) => new(new Dictionary<string, string>
    {
        ["grant_type"] = "authorization_code",
        ["code"] = code,
        ["redirect_uri"] = RedirectUri,
        ["client_id"] = "portal-demo",
        ["code_verifier"] = verifier,
    });

    private static string Verifier() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
