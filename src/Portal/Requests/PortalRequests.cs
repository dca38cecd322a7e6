using System.Security.Claims;
using AfterSales.Modules.Forms;
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
    RequestDesk desk, RequestWorkflow workflow, ServiceTypeCatalog types, SerialRegistry serials, IDbFactory<IPortalDb> dbFactory, VisitLinks visitLinks,
    FormBook forms, RequestAttachments attachments, PortalUploads uploadRules, ITenantContext tenantContext, TimeProvider clock)
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

    /// <summary>Field kinds a customer can fill in on the portal's form; the rest name staff, customers or stored files.</summary>
    public static bool IsPortalKind(FieldKind kind) => kind is not (FieldKind.User or FieldKind.Customer or FieldKind.Attachment);

    /// <summary>Each type's published form as the customer sees it: its public fields only, keyed by the type's id.</summary>
    public async Task<IReadOnlyDictionary<Guid, FormSchema>> PublicFormsAsync(IReadOnlyList<ServiceType> offered, CancellationToken cancellationToken = default)
    {
        var published = await forms.PublishedAsync(offered.Select(t => FormKeys.ForServiceType(t.Id)).ToList(), cancellationToken);
        return offered.ToDictionary(t => t.Id, t => published.TryGetValue(FormKeys.ForServiceType(t.Id), out var form) ? form.Schema : FormSchema.Empty);
    }

    /// <summary>
    /// Takes the request through the same desk as the staff, on the Portal channel, for the customer's own record and units only, with
    /// the type's public fields checked as the staff form checks them. The files are checked first and the request is not taken when one
    /// is refused; once taken, they become the request's attachments, which the staff see on the request.
    /// </summary>
    public async Task<PortalSubmitResult> SubmitAsync(PortalCustomerRef customer, Guid serviceTypeId, string? serialNumber, string subject, string? description,
        IReadOnlyDictionary<string, string?>? fields = null, IReadOnlyList<PortalUpload>? uploads = null, CancellationToken cancellationToken = default)
    {
        uploads ??= [];
        var problems = await uploadRules.CheckAsync(uploads, cancellationToken);
        using var db = dbFactory.Create();
        var code = await db.Customers.Where(c => c.Id == customer.CustomerId).Select(c => c.Code).FirstAsync(cancellationToken);
        if (!string.IsNullOrWhiteSpace(serialNumber) && (await serials.NotOwnedByAsync(customer.CustomerId, [serialNumber.Trim()], cancellationToken)).Count > 0)
        {
            return new PortalSubmitResult(new RequestSaveResult(RequestSaveStatus.Invalid,
                Errors: new Dictionary<string, string> { [nameof(RequestInput.SerialNumber)] = "Validation.SerialOfAnotherCustomer" }), problems);
        }

        var input = new RequestInput
        {
            ServiceTypeId = serviceTypeId,
            CustomerCode = code,
            SerialNumber = string.IsNullOrWhiteSpace(serialNumber) ? null : serialNumber.Trim(),
            Channel = RequestChannels.Portal,
            Subject = subject,
            Description = description,
            CustomFields = new Dictionary<string, string?>(fields ?? new Dictionary<string, string?>(), StringComparer.Ordinal),
        };
        if (problems.Count > 0)
        {
            // The rest of the form is still checked, so the customer hears everything at once; nothing is saved.
            var form = await forms.PublishedAsync(FormKeys.ForServiceType(serviceTypeId), cancellationToken);
            var check = FormRules.Check(form.Schema, input.CustomFields, FormAudience.Portal);
            return new PortalSubmitResult(new RequestSaveResult(RequestSaveStatus.Invalid, Errors: ServiceRules.Validate(input), FieldErrors: check.Errors, Form: form.Schema), problems);
        }

        var saved = await desk.CreateAsync(input, customer.Actor, cancellationToken, FormAudience.Portal);
        if (saved.Status != RequestSaveStatus.Saved || uploads.Count == 0)
        {
            return new PortalSubmitResult(saved, []);
        }

        var requestId = saved.Created?.Id ?? await attachments.FindRequestAsync(saved.Number!, cancellationToken) ?? throw new InvalidOperationException("The request just taken is gone.");
        var added = await attachments.AddAsync(requestId,
            uploads.Select(u => new AttachmentUpload(u.FileName, AttachmentRules.ContentTypeOf(AttachmentRules.SafeFileName(u.FileName)), u.Length, u.Open)).ToList(),
            customer.Actor, cancellationToken: cancellationToken);
        // Checked above against stricter limits, so a refusal here means the stored content differed from the announced size.
        return new PortalSubmitResult(saved, added.Problems.Select(p => new UploadProblem(p.FileName, "Upload.NotStored", [p.FileName])).ToList());
    }

    /// <summary>The files the customer attached to the request (staff's own attachments are internal).</summary>
    public async Task<IReadOnlyList<AttachmentView>> AttachmentsAsync(RequestDetail request, CancellationToken cancellationToken = default) =>
        (await attachments.ListAsync(request.Id, cancellationToken)).Where(a => a.UploadedById?.StartsWith("portal:", StringComparison.Ordinal) == true).ToList();

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

    /// <summary>
    /// The workflow steps a customer's "the problem is solved" may take, in order of preference: a tenant's own confirmation step,
    /// else the desk's "close (customer satisfied)" that every default workflow has from "processed" or the return visit.
    /// </summary>
    public static readonly IReadOnlyList<string> ConfirmSteps = ["CustomerConfirm", "Close"];

    /// <summary>
    /// The step confirming the resolution takes now, or null when the request is not waiting for it: one of <see cref="ConfirmSteps"/>
    /// open from the current status, leading to a finished status and asking for no form. The engine decides, as for any step.
    /// </summary>
    public async Task<string?> ConfirmStepAsync(RequestDetail request, CancellationToken cancellationToken = default)
    {
        if (request.ClosedAt is not null)
        {
            return null;
        }

        var state = await workflow.StateAsync(request.Id, RequestActor.System, cancellationToken);
        if (state is null || state.Status?.Category is null or AfterSales.Workflows.Definitions.StatusCategory.New or AfterSales.Workflows.Definitions.StatusCategory.Done)
        {
            return null;
        }

        return ConfirmSteps.FirstOrDefault(key => state.Transitions.Any(t => t.Key == key && t.RequiredFields.Count == 0
            && state.Definition.FindStatus(t.To)?.Category == AfterSales.Workflows.Definitions.StatusCategory.Done));
    }

    /// <summary>
    /// The customer confirms the problem is solved: the workflow's confirmation step fires (as the system, since a customer holds no
    /// staff role; the step is the one the engine offers) and, in the same unit of work, a public line says the customer confirmed.
    /// </summary>
    public async Task<ActionResult> ConfirmAsync(PortalCustomerRef customer, string number, string line, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(customer, number, cancellationToken) is not { } request)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        if (await ConfirmStepAsync(request, cancellationToken) is not { } step)
        {
            return new ActionResult(ActionStatus.Invalid, "Requests.ConfirmNotOpen");
        }

        var outcome = await workflow.FireAsync(request.Number, step, new Dictionary<string, string?>(), note: null, request.ConcurrencyStamp, RequestActor.System,
            cancellationToken, (context, _) =>
            {
                var confirmed = RequestEvent.Of(customer.Actor, request.Id, context.Now, RequestEventKind.Comment, line);
                confirmed.IsPublic = true;
                context.Db.RequestEvents.Add(confirmed);
                return Task.CompletedTask;
            });
        return outcome.Status == ActionStatus.Done ? new ActionResult(ActionStatus.Done) : new ActionResult(outcome.Status, outcome.Status == ActionStatus.Conflict ? null : "Requests.ConfirmNotOpen");
    }

    public Task<IReadOnlyList<TimelineEntry>> TimelineAsync(RequestDetail request, CancellationToken cancellationToken = default) =>
        desk.TimelineAsync(request.Id, publicOnly: true, cancellationToken);

    /// <summary>The request's submitted or verified service reports (a draft is the engineer's, not the customer's yet), by visit.</summary>
    public async Task<IReadOnlyList<(Guid Id, int Visit, DateOnly VisitedOn)>> ReportsAsync(RequestDetail request, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var reports = await db.WorkReports.AsNoTracking()
            .Where(r => r.ServiceRequestId == request.Id && (r.State == WorkReportState.Submitted || r.State == WorkReportState.Verified))
            .OrderBy(r => r.Visit).Select(r => new { r.Id, r.Visit, r.VisitedOn }).ToListAsync(cancellationToken);
        return reports.Select(r => (r.Id, r.Visit, r.VisitedOn)).ToList();
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

/// <summary>The request as taken (or why not), and the customer's files that were refused.</summary>
public sealed record PortalSubmitResult(RequestSaveResult Request, IReadOnlyList<UploadProblem> UploadProblems)
{
    public bool Saved => Request.Status == RequestSaveStatus.Saved && UploadProblems.Count == 0;
}

/// <summary>The signed-in customer: their customer record and how they appear in a request's timeline.</summary>
public sealed record PortalCustomerRef(Guid CustomerId, RequestActor Actor);
