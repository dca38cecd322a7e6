using System.Security.Claims;
using System.Text.Encodings.Web;
using AfterSales.Tenancy.Strategies;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AfterSales.Tenancy.Tests.Strategies;

public sealed class ClaimStrategyShould
{
    private const string Scheme = "Test";
    private readonly AuthenticationCalls _calls = new();

    [Theory]
    [InlineData("Bearer token", "demo", "demo")]
    [InlineData("Bearer token", "DEMO", "demo")]
    [InlineData("bearer token", "demo", "demo")]
    [InlineData("Bearer token", "not a slug", null)]
    [InlineData("Bearer token", "-demo", null)]
    [InlineData("Basic dXNlcjpwYXNz", "demo", null)]
    public async Task ReadTheTenantClaimOfABearerPrincipal(string authorization, string claimValue, string? expected)
    {
        var context = Request(authorization, new Claim(TenantClaimTypes.Tenant, claimValue));

        var match = await new ClaimStrategy(Scheme).MatchAsync(context);

        Assert.Equal(expected, match?.Identifier);
        if (match is not null)
        {
            Assert.False(match.PathPrefix.HasValue);
        }
    }

    [Fact]
    public async Task NotAuthenticateWithoutBearerHeader()
    {
        var context = Request(authorization: null, new Claim(TenantClaimTypes.Tenant, "demo"));

        var match = await new ClaimStrategy(Scheme).MatchAsync(context);

        Assert.Null(match);
        Assert.Equal(0, _calls.Count);
    }

    [Fact]
    public async Task ReturnNullWhenThePrincipalHasNoTenantClaim()
    {
        var context = Request("Bearer token", new Claim(ClaimTypes.Name, "alice"), new Claim("tenant_id", "demo"));

        var match = await new ClaimStrategy(Scheme).MatchAsync(context);

        Assert.Null(match);
        Assert.Equal(1, _calls.Count);
    }

    [Fact]
    public async Task ReturnNullWhenTheSchemeAuthenticatesNobody()
    {
        var context = Request("Bearer token");

        var match = await new ClaimStrategy(Scheme).MatchAsync(context);

        Assert.Null(match);
        Assert.Equal(1, _calls.Count);
    }

    [Fact]
    public async Task ReadAConfiguredClaimType()
    {
        var context = Request("Bearer token", new Claim(TenantClaimTypes.Tenant, "other"), new Claim("org", "demo"));

        var match = await new ClaimStrategy(Scheme, "org").MatchAsync(context);

        Assert.Equal("demo", match?.Identifier);
    }

    private DefaultHttpContext Request(string? authorization, params Claim[] claims)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(_calls);
        services.AddAuthentication().AddScheme<TestAuthenticationOptions, TestAuthenticationHandler>(Scheme, o => o.Claims = claims);
        var context = new DefaultHttpContext { RequestServices = services.BuildServiceProvider() };
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context;
    }

    public sealed class AuthenticationCalls
    {
        public int Count { get; set; }
    }

    public sealed class TestAuthenticationOptions : AuthenticationSchemeOptions
    {
        public IReadOnlyList<Claim> Claims { get; set; } = [];
    }

    /// <summary>Authenticates every request as a principal with the configured claims; none means nobody.</summary>
    public sealed class TestAuthenticationHandler(
        IOptionsMonitor<TestAuthenticationOptions> options, ILoggerFactory logger, UrlEncoder encoder, AuthenticationCalls calls)
        : AuthenticationHandler<TestAuthenticationOptions>(options, logger, encoder)
    {
        protected override Task<AuthenticateResult> HandleAuthenticateAsync()
        {
            calls.Count++;
            if (Options.Claims.Count == 0)
            {
                return Task.FromResult(AuthenticateResult.NoResult());
            }

            var principal = new ClaimsPrincipal(new ClaimsIdentity(Options.Claims, Scheme.Name));
            return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, Scheme.Name)));
        }
    }
}
