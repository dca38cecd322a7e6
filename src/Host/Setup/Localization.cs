using System.Globalization;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Localization;

namespace AfterSales.Host.Setup;

/// <summary>zh-CN and English. The user's choice (cookie) wins, then the tenant's default, then the browser.</summary>
public static class Localization
{
    public static readonly string[] Cultures = ["zh-CN", "en"];

    public static IApplicationBuilder UseAppLocalization(this IApplicationBuilder app)
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture("zh-CN")
            .AddSupportedCultures(Cultures)
            .AddSupportedUICultures(Cultures);
        options.ApplyCurrentCultureToResponseHeaders = true;
        // After the cookie provider: the user's explicit choice must win over the tenant's default.
        var afterCookie = options.RequestCultureProviders.ToList().FindIndex(p => p is CookieRequestCultureProvider) + 1;
        options.RequestCultureProviders.Insert(afterCookie, new CustomRequestCultureProvider(context =>
        {
            var tenant = context.RequestServices.GetRequiredService<ITenantContext>().Tenant;
            // The portal may speak another language to customers than the staff app to the staff.
            var culture = context.Request.Path.StartsWithSegments("/portal") && tenant?.Branding.PortalCulture is { Length: > 0 } portal
                ? portal
                : tenant?.DefaultCulture;
            return Task.FromResult(culture is null ? null : new ProviderCultureResult(culture));
        }));
        return app.UseRequestLocalization(options);
    }

    /// <summary><c>GET /culture/set?culture=en&amp;returnUrl=…</c>: remembers the choice in a cookie for a year.</summary>
    public static IEndpointRouteBuilder MapCultureSwitch(this IEndpointRouteBuilder app)
    {
        app.MapGet("/culture/set", (HttpContext context, string culture, string? returnUrl) =>
        {
            if (!Cultures.Contains(culture))
            {
                culture = Cultures[0];
            }

            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(CultureInfo.GetCultureInfo(culture))),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, SameSite = SameSiteMode.Lax, Path = "/" });
            var pathBase = context.Request.PathBase.Value ?? "";
            var target = returnUrl is not null && Uri.IsWellFormedUriString(returnUrl, UriKind.Relative) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
                ? returnUrl
                : pathBase + "/";
            return Results.LocalRedirect(target);
        }).ExcludeFromDescription();
        return app;
    }
}
