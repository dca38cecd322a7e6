using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace AfterSales.Modules.Tests.Workflow;

/// <summary>A bUnit context with what the designer's components need; the diagram's script is answered by bUnit's loose JS interop.</summary>
internal static class DesignerComponents
{
    public static BunitContext Context(string culture = "en")
    {
        // Components read the culture of the thread that renders them; bUnit renders on the test's own.
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        var context = new BunitContext();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddLocalization();
        context.Services.AddLogging();
        context.Services.AddRadzenComponents();
        context.Services.AddSingleton(TimeProvider.System);
        return context;
    }
}
