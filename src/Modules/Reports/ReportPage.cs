using System.Globalization;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Components;

namespace AfterSales.Modules.Reports;

/// <summary>
/// What the report pages share: the filter read from and written to the URL (so Back, bookmarks and the export agree with the
/// page), the filter's choices, and running the report again when the URL changes.
/// </summary>
public abstract class ReportPage : ComponentBase
{
    [Inject] protected NavigationManager Nav { get; set; } = default!;
    [Inject] protected ITenantContext TenantContext { get; set; } = default!;
    [Inject] protected TimeProvider Clock { get; set; } = default!;
    [Inject] private ReportOptions Options { get; set; } = default!;

    protected ReportFilter Filter { get; private set; } = default!;
    protected ReportChoices? Choices { get; private set; }
    protected bool Loading { get; private set; }

    /// <summary>The page's path under the tenant, e.g. <c>reports/service</c>; its export is <see cref="ExportPath"/>.</summary>
    protected abstract string Path { get; }
    protected abstract string ExportPath { get; }

    protected string ExportHref => ExportPath + Filter.ToQueryString();

    protected override async Task OnParametersSetAsync()
    {
        Filter = ReportFilter.FromQuery(new Uri(Nav.Uri).Query, TenantContext.Tenant.TodayFor(Clock.GetUtcNow()));
        Choices ??= await Options.LoadAsync(CultureInfo.CurrentUICulture);
        if (Filter.IsValid)
        {
            Loading = true;
            await RunAsync(Filter);
            Loading = false;
        }
    }

    protected abstract Task RunAsync(ReportFilter filter);

    protected void ChangeFilter(ReportFilter filter) => Nav.NavigateTo(Path + filter.ToQueryString());
}
