using AfterSales.Host.Data;

namespace AfterSales.Host.Api;

public static class OpenIddictSetup
{
    public static IServiceCollection AddApiAuthorizationServer(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        // One issuer for every address: a token names its tenant in a claim, and the API checks that claim
        // against the tenant of the URL (path or subdomain), so a client needs one token endpoint, not one per address.
        var issuer = new Uri(configuration["Api:Issuer"] ?? "http://localhost:5080/", UriKind.Absolute);
        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                o.SetIssuer(issuer);
                o.SetTokenEndpointUris("connect/token");
                o.AllowClientCredentialsFlow();
                // The customer portal signs its customers in with the authorization-code flow; PKCE is required of every client.
                o.SetAuthorizationEndpointUris("connect/authorize");
                o.SetUserInfoEndpointUris("connect/userinfo");
                o.SetEndSessionEndpointUris("connect/endsession");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(OpenIddict.Abstractions.OpenIddictConstants.Scopes.Email, OpenIddict.Abstractions.OpenIddictConstants.Scopes.Profile);
                o.SetAccessTokenLifetime(TimeSpan.FromMinutes(30));
                // The signing and encryption keys come from the database (SharedServerKeys), shared by every replica.
                // Access tokens are signed, not encrypted: what they carry (client, tenant, scopes) is no secret from the
                // client holding them, and unwrapping an RSA-encrypted token cost a private-key operation on every API call,
                // a fifth of a request's time (docs/benchmarks.md). Revocation still works: each call checks the token's entry.
                o.DisableAccessTokenEncryption();
                var aspNetCore = o.UseAspNetCore().EnableTokenEndpointPassthrough()
                    .EnableAuthorizationEndpointPassthrough().EnableUserInfoEndpointPassthrough().EnableEndSessionEndpointPassthrough();
                if (!environment.IsProduction())
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(o =>
            {
                o.UseLocalServer();
                // Every API call checks the token's entry, so revoking a client stops its tokens at once.
                o.EnableTokenEntryValidation();
                o.UseAspNetCore();
            });
        services.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<OpenIddict.Server.OpenIddictServerOptions>, SharedServerKeys>();
        return services;
    }
}
