using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Visits;

/// <summary>
/// The <c>{{returnVisitLink}}</c> of notification templates: the customer's link to the request's pending visit, so a workflow can
/// mail or text it the moment the visit is created (the visit of the same step is found in the transition's unit of work).
/// </summary>
public sealed class VisitLinkPlaceholder(VisitLinks links, ITenantContext tenantContext)
{
    public const string Name = "returnVisitLink";

    /// <summary>The link's path under the tenant's base address, or null when the request has no visit waiting for answers.</summary>
    public async Task<string?> PathAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var db = context.Database<IVisitsDb>();
        var requestId = context.Request.Id;
        var visit = db.ReturnVisits.Local.FirstOrDefault(v => v.ServiceRequestId == requestId && v.Status == ReturnVisitStatus.Pending)
                    ?? await db.ReturnVisits.AsNoTracking().FirstOrDefaultAsync(v => v.ServiceRequestId == requestId && v.Status == ReturnVisitStatus.Pending, cancellationToken);
        return visit is null ? null : VisitLinkPaths.For(links.Issue(tenantContext.Tenant!.Id, visit.Id));
    }
}
