using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Shared;

/// <summary>Identity's errors in the user's language: a resource "Identity.{Code}" when there is one.</summary>
public static class IdentityErrorText
{
    public static string Describe(IStringLocalizer localizer, IdentityError error)
    {
        var text = localizer["Identity." + error.Code];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
