using System.Security.Claims;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Portal.Requests;

/// <summary>The signed-in customer's view of the service desk: their units, their requests, nothing of other customers'.</summary>
public sealed class PortalRequests(
    RequestDesk desk, ServiceTypeCatalog types, SerialRegistry serials, IDbFactory<IPortalDb> dbFactory, VisitLinks visitLinks, ITenantContext tenantContext)
{
    public const int PageSize = 20;

    /// <summary>The customer record and the portal actor of <paramref name="user"/>, or null when the principal is no portal customer.</summary>
    public static PortalCustomerRef? Of(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(PortalCustomer.CustomerClaim), out var customerId) && user.FindFirstValue(PortalCustomer.AccountClaim) is { } account
            ? new PortalCustomerRef(customerId, new RequestActor("portal:" + account, user.Identity?.Name, new HashSet<string>()))
            : null;

    public async Task<IReadOnlyList<SerialRow>> ProductsAsync(PortalCustomerRef customer, CancellationToken cancellationToken = default) =>
        (await serials.SearchAsync(new SerialQuery(CustomerId: customer.CustomerId, Take: 200), cancellationToken)).Items;

    public Task<RequestPage> ListAsync(PortalCustomerRef customer, int page, CancellationToken cancellationToken = default) =>
        desk.SearchAsync(new RequestQuery(CustomerId: customer.CustomerId, Skip: Math.Max(0, page - 1) * PageSize, Take: PageSize), cancellationToken);

    /// <summary>The types a customer may ask for: those in use.</summary>
    public async Task<IReadOnlyList<ServiceType>> TypesAsync(CancellationToken cancellationToken = default) => await types.ListAsync(false, cancellationToken);

    /// <summary>The request <paramref name="number"/> when it is this customer's; another customer's looks exactly like none.</summary>
    public async Task<RequestDetail?> GetAsync(PortalCustomerRef customer, string number, CancellationToken cancellationToken = default)
    {
        var request = await desk.GetAsync(number, cancellationToken);
        return request is not null && request.CustomerId == customer.CustomerId ? request : null;
    }

    /// <summary>Takes the request through the same desk as the staff, on the Portal channel, for the customer's own record and units only.</summary>
    public async Task<RequestSaveResult> SubmitAsync(PortalCustomerRef customer, Guid serviceTypeId, string? serialNumber, string subject, string? description, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var code = await db.Customers.Where(c => c.Id == customer.CustomerId).Select(c => c.Code).FirstAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(serialNumber) && (await serials.NotOwnedByAsync(customer.CustomerId, [serialNumber.Trim()], cancellationToken)).Count > 0)
        {
            return new RequestSaveResult(RequestSaveStatus.Invalid, Errors: new Dictionary<string, string> { [nameof(RequestInput.SerialNumber)] = "Validation.SerialOfAnotherCustomer" });
        }

        var input = new RequestInput
        {
            ServiceTypeId = serviceTypeId,
            CustomerCode = code,
            SerialNumber = string.IsNullOrWhiteSpace(serialNumber) ? null : serialNumber.Trim(),
            Channel = RequestChannels.Portal,
            Subject = subject,
            Description = description,
        };
        return await desk.CreateAsync(input, customer.Actor, cancellationToken, AfterSales.Modules.Forms.FormAudience.Portal);
    }

    /// <summary>The customer's reply: a public comment, shown to the staff as theirs.</summary>
    public async Task<ActionResult> ReplyAsync(PortalCustomerRef customer, string number, string text, CancellationToken cancellationToken = default) =>
        await GetAsync(customer, number, cancellationToken) is null
            ? new ActionResult(ActionStatus.NotFound)
            : await desk.CommentAsync(number, text, isPublic: true, customer.Actor, cancellationToken);

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(RequestDetail request, CancellationToken cancellationToken = default) =>
        desk.TimelineAsync(request.Id, publicOnly: true, cancellationToken);

    /// <summary>The request's submitted or verified service reports: visit number and the code of their public page.</summary>
    public async Task<IReadOnlyList<(int Visit, DateOnly VisitedOn, string Code)>> ReportsAsync(RequestDetail request, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var reports = await db.WorkReports.AsNoTracking()
            .Where(r => r.ServiceRequestId == request.Id && (r.State == WorkReportState.Submitted || r.State == WorkReportState.Verified) && r.VerificationCode != "")
            .OrderBy(r => r.Visit).Select(r => new { r.Visit, r.VisitedOn, r.VerificationCode }).ToListAsync(cancellationToken);
        return reports.Select(r => (r.Visit, r.VisitedOn, r.VerificationCode)).ToList();
    }

    /// <summary>The return visit's rating link (the same signed link the mail carries) while one is pending for the request.</summary>
    public async Task<string?> RatingLinkAsync(RequestDetail request, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var visit = await db.ReturnVisits.AsNoTracking().Where(v => v.ServiceRequestId == request.Id && v.Status == ReturnVisitStatus.Pending)
            .OrderByDescending(v => v.Attempt).FirstOrDefaultAsync(cancellationToken);
        return visit is null ? null : VisitLinkPaths.For(visitLinks.Issue(tenantContext.Tenant!.Id, visit.Id));
    }
}

/// <summary>The signed-in customer: their customer record and how they appear in a request's timeline.</summary>
public sealed record PortalCustomerRef(Guid CustomerId, RequestActor Actor);
