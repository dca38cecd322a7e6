using System.Globalization;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>The product's UI texts, so assertions follow the resource files rather than copies of them.</summary>
public static class Texts
{
    public static string Get(IServiceProvider services, string key, string culture)
    {
        var localizer = services.GetRequiredService<IStringLocalizer<Strings>>();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            var text = localizer[key];
            Assert.False(text.ResourceNotFound, $"No text {key}.");
            return text.Value;
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }
}
