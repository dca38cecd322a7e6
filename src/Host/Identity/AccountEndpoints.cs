using AfterSales.Modules.Administration;
using Microsoft.AspNetCore.Antiforgery;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;

namespace AfterSales.Host.Identity;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (HttpContext context, SignInManager<ApplicationUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect((context.Request.PathBase.Value ?? "") + "/account/login");
        }).WithMetadata(new RequireAntiforgeryTokenAttribute()).ExcludeFromDescription();

        // The landing page's "go to my workspace" form.
        app.MapGet("/workspace", (string? id) =>
            TenantIdentifier.IsValid(id) ? Results.LocalRedirect($"/t/{id!.ToLowerInvariant()}/") : Results.LocalRedirect("/"))
            .ExcludeFromDescription();
        return app;
    }
}
