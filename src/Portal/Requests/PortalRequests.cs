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
    RequestDesk desk, ServiceTypeCatalog types, SerialRegistry serials, IDbFactory<IPortalDb> dbFactory, VisitLinks visitLinks, ITenantContext tenantContext, TimeProvider clock)
{
    public const int PageSize = 20;

    /// <summary>How long after closing a customer may reopen a request from the portal.</summary>
    public static readonly TimeSpan ReopenWindow = TimeSpan.FromDays(7);

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

    public bool CanReopen(RequestDetail request) => request.ClosedAt is { } closed && clock.GetUtcNow() - closed <= ReopenWindow;

    /// <summary>
    /// The customer says a closed request is not solved. The default workflows reopen only from the return visit and only for the
    /// service desk, so a closed request is not moved back by the portal: the customer's reason goes on the timeline as a public comment
    /// and the priority rises one step (seed 004: a reopened request escalates), for the desk to act on.
    /// </summary>
    public async Task<ActionResult> ReopenAsync(PortalCustomerRef customer, string number, string reasonLine, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reasonLine) || reasonLine.Length > ServiceRules.CommentLength)
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.CommentRequired");
        }

        using var db = dbFactory.Create();
        var normalized = number.Trim().ToUpperInvariant();
        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Number == normalized && r.CustomerId == customer.CustomerId, cancellationToken);
        if (request is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        var now = clock.GetUtcNow();
        if (request.ClosedAt is not { } closed || now - closed > ReopenWindow)
        {
            return new ActionResult(ActionStatus.Invalid, "Requests.ReopenTooLate");
        }

        if (request.Priority < RequestPriority.Urgent)
        {
            request.Priority++;
        }

        request.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var comment = RequestEvent.Of(customer.Actor, request.Id, now, RequestEventKind.Comment, reasonLine.Trim());
        comment.IsPublic = true;
        db.RequestEvents.Add(comment);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ActionResult(ActionStatus.Conflict);
        }

        return new ActionResult(ActionStatus.Done);
    }

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
