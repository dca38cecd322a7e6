using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.WorkReports;

/// <summary>
/// Work reports of a request: the engineer's draft, its submission (which moves the request through its workflow in the same unit
/// of work), the customer's signature and photos, and the manager's verification. Every change checks the report's stamp, so two
/// people editing the same report are told rather than overwritten.
/// </summary>
public sealed class WorkReportBook(
    IDbFactory<IWorkReportsDb> dbFactory, RequestWorkflow workflow, RequestAttachments attachments, IFileStore files, ITenantContext tenantContext,
    IStringLocalizer<WorkReportText> text, TimeProvider clock)
{
    public const int SignatureMaxBytes = 512 * 1024;
    private const string FileArea = "work-reports";

    /// <summary>Whether <paramref name="actor"/> may write the request's report: its engineer, or the service desk on their behalf.</summary>
    public static bool CanWrite(RequestDetail request, RequestActor actor) =>
        (actor.UserId is not null && request.AssigneeId == actor.UserId) || actor.IsServiceDesk;

    public static bool CanVerify(RequestActor actor) => actor.IsManager;

    /// <summary>A report is edited while a draft, or after the manager returned it.</summary>
    public static bool IsEditable(WorkReport report) => report.State is WorkReportState.Draft or WorkReportState.Returned;

    /// <summary>The request's reports, newest visit last.</summary>
    public async Task<IReadOnlyList<WorkReport>> ForRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WorkReports.AsNoTracking().Include(r => r.Parts.OrderBy(p => p.Line))
            .Where(r => r.ServiceRequestId == requestId).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
    }

    public async Task<WorkReport?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WorkReports.AsNoTracking().Include(r => r.Parts.OrderBy(p => p.Line)).FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
    }

    /// <summary>The report the public verification page shows, found by the code printed as a QR code.</summary>
    public async Task<WorkReport?> ByCodeAsync(string? code, CancellationToken cancellationToken = default)
    {
        code = code?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || code.Length > 32)
        {
            return null;
        }

        using var db = dbFactory.Create();
        return await db.WorkReports.AsNoTracking().Include(r => r.Parts.OrderBy(p => p.Line))
            .FirstOrDefaultAsync(r => r.VerificationCode == code && r.State != WorkReportState.Draft, cancellationToken);
    }

    /// <summary>A new report's starting values: today, and parts charged unless the unit is under warranty or agreement.</summary>
    public WorkReportInput NewInput(RequestDetail request) => new()
    {
        VisitedOn = tenantContext.Tenant.TodayFor(clock.GetUtcNow()),
        FaultCategoryId = request.CategoryId,
    };

    public static bool ChargedByDefault(RequestDetail request) => request.WarrantyState != nameof(AfterSales.Modules.Products.WarrantyState.InWarranty) && request.AgreementNumber is null;

    public static WorkReportInput InputOf(WorkReport report) => new()
    {
        VisitedOn = report.VisitedOn,
        FaultCategoryId = report.FaultCategoryId,
        CauseId = report.CauseId,
        Measures = report.Measures,
        Result = report.Result,
        LaborHours = report.LaborHours,
        LaborFee = report.LaborFee,
        TravelFee = report.TravelFee,
        OtherFee = report.OtherFee,
        OtherFeeNote = report.OtherFeeNote,
        CustomerRemark = report.CustomerRemark,
        Parts = report.Parts.OrderBy(p => p.Line).Select(p => new WorkReportPartInput
        {
            SparePartId = p.SparePartId, Code = p.Code, Name = p.Name, Quantity = p.Quantity, UnitPrice = p.UnitPrice, Charged = p.Charged,
        }).ToList(),
    };

    /// <summary>
    /// Saves a draft (new when <paramref name="reportId"/> is null) or a returned report. Catalogue parts are priced from the catalogue
    /// when the engineer left the price at zero, so a price list change reaches new reports without retyping.
    /// </summary>
    public async Task<WorkReportSave> SaveAsync(RequestDetail request, Guid? reportId, WorkReportInput input, string? loadedStamp, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!CanWrite(request, actor))
        {
            return WorkReportSave.Of(ActionStatus.NotAllowed);
        }

        var problems = WorkReportRules.Check(input, submitting: false);
        if (problems.Count > 0)
        {
            return new WorkReportSave(ActionStatus.Invalid, null, null, problems);
        }

        using var db = dbFactory.Create();
        if (!await db.ServiceRequests.AnyAsync(r => r.Id == request.Id, cancellationToken))
        {
            return WorkReportSave.Of(ActionStatus.NotFound);
        }

        WorkReport report;
        if (reportId is { } id)
        {
            var found = await db.WorkReports.Include(r => r.Parts).FirstOrDefaultAsync(r => r.Id == id && r.ServiceRequestId == request.Id, cancellationToken);
            if (found is null)
            {
                return WorkReportSave.Of(ActionStatus.NotFound);
            }

            if (found.ConcurrencyStamp != loadedStamp)
            {
                return WorkReportSave.Of(ActionStatus.Conflict);
            }

            if (!IsEditable(found))
            {
                return WorkReportSave.Of(ActionStatus.NotAllowed);
            }

            report = found;
            db.WorkReportParts.RemoveRange(report.Parts);
            report.Parts = [];
        }
        else
        {
            if (request.AssigneeId is null)
            {
                // A report belongs to the engineer who visited; without one there is nobody to write it for.
                return new WorkReportSave(ActionStatus.Invalid, null, null, [("", "Validation.NoEngineer")]);
            }

            report = new WorkReport
            {
                ServiceRequestId = request.Id,
                RequestNumber = request.Number,
                EngineerId = request.AssigneeId,
                EngineerName = request.AssigneeName ?? request.AssigneeId,
                CreatedAt = clock.GetUtcNow(),
                VerificationCode = WorkReportRules.NewVerificationCode(),
            };
            db.WorkReports.Add(report);
        }

        await ApplyAsync(db, report, input, cancellationToken);
        report.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return await SaveAsync(db, report, cancellationToken);
    }

    /// <summary>
    /// Submits a report: the first time, the request takes the workflow step its result calls for (solved, or a counted attempt) in
    /// the same unit of work as the report, so neither happens without the other; a report the manager returned is submitted again
    /// without moving the request, which has moved on already.
    /// </summary>
    public async Task<WorkReportSubmit> SubmitAsync(RequestDetail request, Guid reportId, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!CanWrite(request, actor))
        {
            return WorkReportSubmit.Of(ActionStatus.NotAllowed);
        }

        var report = await GetAsync(reportId, cancellationToken);
        if (report is null || report.ServiceRequestId != request.Id)
        {
            return WorkReportSubmit.Of(ActionStatus.NotFound);
        }

        if (report.ConcurrencyStamp != loadedStamp)
        {
            return WorkReportSubmit.Of(ActionStatus.Conflict);
        }

        if (!IsEditable(report))
        {
            return WorkReportSubmit.Of(ActionStatus.NotAllowed);
        }

        var problems = WorkReportRules.Check(InputOf(report), submitting: true);
        if (problems.Count > 0)
        {
            return new WorkReportSubmit(ActionStatus.Invalid, Problems: problems);
        }

        var now = clock.GetUtcNow();
        if (report.State == WorkReportState.Returned)
        {
            using var db = dbFactory.Create();
            var tracked = await db.WorkReports.FirstAsync(r => r.Id == reportId, cancellationToken);
            tracked.State = WorkReportState.Submitted;
            tracked.SubmittedAt = now;
            tracked.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            db.RequestEvents.Add(RequestEvent.Of(actor, request.Id, now, RequestEventKind.Comment, text["Timeline.Resubmitted", tracked.Visit].Value));
            var saved = await SaveAsync(db, tracked, cancellationToken);
            return new WorkReportSubmit(saved.Status);
        }

        var state = await workflow.StateAsync(request.Id, actor, cancellationToken);
        if (state is null)
        {
            return WorkReportSubmit.Of(ActionStatus.NotFound);
        }

        if (WorkReportRules.StepFor(report.Result, state.Definition, state.Transitions) is not { } step)
        {
            return new WorkReportSubmit(ActionStatus.NotAllowed, MissingStep: true);
        }

        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var field in step.RequiredFields)
        {
            values[field] = field switch
            {
                "faultCategory" => report.FaultCategoryId?.ToString(),
                "measures" or "answer" => report.Measures,
                _ => null,
            };
        }

        var outcome = await workflow.FireAsync(request.Number, step.Key, values, null, request.ConcurrencyStamp, actor, cancellationToken,
            async (context, token) =>
            {
                var db = context.Database<IWorkReportsDb>();
                var tracked = await db.WorkReports.FirstAsync(r => r.Id == reportId, token);
                // The check above ran on another read; the original stamp makes the save fail if the report changed since.
                context.Db.Entry(tracked).Property(r => r.ConcurrencyStamp).OriginalValue = loadedStamp;
                tracked.Visit = await db.WorkReports.CountAsync(r => r.ServiceRequestId == request.Id && r.SubmittedAt != null, token) + 1;
                tracked.State = WorkReportState.Submitted;
                tracked.SubmittedAt = context.Now;
                tracked.ConcurrencyStamp = Guid.NewGuid().ToString("N");
                db.RequestEvents.Add(RequestEvent.Of(context.Actor, request.Id, context.Now, RequestEventKind.Comment,
                    text["Timeline.Submitted", tracked.Visit, text["Result." + tracked.Result]].Value));
            });
        return new WorkReportSubmit(outcome.Status, StepName: step.Label, FieldErrors: outcome.FieldErrors?.Select(e => e.Key).ToList(),
            Refusal: outcome.Refusal);
    }

    /// <summary>The manager's verification: accepted, or returned to the engineer with the reason.</summary>
    public async Task<ActionResult> VerifyAsync(Guid reportId, bool accept, string? note, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!CanVerify(actor))
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (!accept && note is null)
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.ReturnReason");
        }

        if (note?.Length > WorkReportRules.TextLength)
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.TooLong");
        }

        using var db = dbFactory.Create();
        var report = await db.WorkReports.FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        if (report.ConcurrencyStamp != loadedStamp)
        {
            return new ActionResult(ActionStatus.Conflict);
        }

        if (report.State != WorkReportState.Submitted)
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        var now = clock.GetUtcNow();
        report.State = accept ? WorkReportState.Verified : WorkReportState.Returned;
        report.VerifiedBy = actor.Name;
        report.VerifiedAt = now;
        report.VerificationNote = note;
        report.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var line = accept ? text["Timeline.Verified", report.Visit].Value : text["Timeline.Returned", report.Visit, note!].Value;
        db.RequestEvents.Add(RequestEvent.Of(actor, report.ServiceRequestId, now, RequestEventKind.Comment, Clip(line, ServiceRules.CommentLength)));
        return new ActionResult((await SaveAsync(db, report, cancellationToken)).Status);
    }

    /// <summary>Stores the signature drawn on screen (a PNG) with the name of who signed, replacing an earlier one.</summary>
    public async Task<WorkReportSave> SignAsync(RequestDetail request, Guid reportId, byte[] png, string? signedBy, string loadedStamp, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        if (!CanWrite(request, actor))
        {
            return WorkReportSave.Of(ActionStatus.NotAllowed);
        }

        signedBy = string.IsNullOrWhiteSpace(signedBy) ? null : signedBy.Trim();
        if (signedBy is null || signedBy.Length > 100)
        {
            return new WorkReportSave(ActionStatus.Invalid, null, null, [("SignedBy", "Validation.SignedBy")]);
        }

        if (png.Length is 0 or > SignatureMaxBytes || !IsPng(png))
        {
            return new WorkReportSave(ActionStatus.Invalid, null, null, [("Signature", "Validation.Signature")]);
        }

        using var db = dbFactory.Create();
        var report = await db.WorkReports.FirstOrDefaultAsync(r => r.Id == reportId && r.ServiceRequestId == request.Id, cancellationToken);
        if (report is null)
        {
            return WorkReportSave.Of(ActionStatus.NotFound);
        }

        if (report.ConcurrencyStamp != loadedStamp)
        {
            return WorkReportSave.Of(ActionStatus.Conflict);
        }

        if (!IsEditable(report))
        {
            return WorkReportSave.Of(ActionStatus.NotAllowed);
        }

        using var content = new MemoryStream(png, writable: false);
        var stored = await files.SaveAsync(tenantContext.Tenant!.Id, FileArea, content, cancellationToken);
        var previous = report.SignatureKey;
        // Counted in the plan's storage but never refused: a signature taken at the customer's site is the visit's proof.
        report.SignatureKey = stored.Key;
        report.SignatureSize = stored.Length;
        report.SignedBy = signedBy;
        report.SignedAt = clock.GetUtcNow();
        report.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var result = await SaveAsync(db, report, cancellationToken);
        // Whichever file lost (the new one when the save failed, the old one when it succeeded) is removed, so none is kept unreferenced.
        if ((result.Status == ActionStatus.Done ? previous : stored.Key) is { } unreferenced)
        {
            await files.DeleteAsync(unreferenced, CancellationToken.None);
        }

        return result;
    }

    /// <summary>The signature as a data URL for the page and the printed report, or null when there is none.</summary>
    public async Task<string?> SignatureDataUrlAsync(WorkReport report, CancellationToken cancellationToken = default)
    {
        if (report.SignatureKey is not { } key || await files.OpenReadAsync(key, cancellationToken) is not { } stream)
        {
            return null;
        }

        await using (stream)
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            return "data:image/png;base64," + Convert.ToBase64String(copy.ToArray());
        }
    }

    /// <summary>Photos taken on the visit: stored as the request's attachments and listed on the report.</summary>
    public async Task<AttachmentAddResult> AddPhotosAsync(RequestDetail request, Guid reportId, IReadOnlyList<AttachmentUpload> uploads, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        // Photos belong to a report still being written; a submitted one is changed only after the manager returns it.
        if (!CanWrite(request, actor) || await GetAsync(reportId, cancellationToken) is not { } current || current.ServiceRequestId != request.Id || !IsEditable(current))
        {
            return new AttachmentAddResult(AttachmentStatus.NotFound, [], []);
        }

        var added = await attachments.AddAsync(request.Id, uploads, actor, cancellationToken: cancellationToken);
        if (added.Status != AttachmentStatus.Added)
        {
            return added;
        }

        // Appended on its own: a photo added while someone else edits the report's text must not turn into a conflict for either.
        using var db = dbFactory.Create();
        var report = await db.WorkReports.FirstOrDefaultAsync(r => r.Id == reportId && r.ServiceRequestId == request.Id, cancellationToken);
        if (report is not null)
        {
            report.PhotoIds = [.. report.PhotoIds, .. added.Added.Select(a => a.Id)];
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }

    /// <summary>The address the report goes to by default: the request's contact's, else the customer's.</summary>
    public async Task<string?> CustomerEmailAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var request = await db.ServiceRequests.AsNoTracking().FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request?.CustomerId is not { } customerId)
        {
            return null;
        }

        var customer = await db.Customers.AsNoTracking().Include(c => c.Contacts).FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        return AfterSales.Modules.Notifications.NotifyHandler.CustomerAddress(customer, request)?.Address;
    }

    /// <summary>
    /// Mails the customer the report's summary with the link of its verification page, through the outbox like every notification, so
    /// a mail server that is down delays the mail instead of losing it.
    /// </summary>
    public async Task<ActionResult> EmailAsync(Guid reportId, string? address, string checkUrl, RequestActor actor, CancellationToken cancellationToken = default)
    {
        address = address?.Trim();
        if (string.IsNullOrEmpty(address) || address.Length > 256 || !System.Net.Mail.MailAddress.TryCreate(address, out _))
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.Email");
        }

        using var db = dbFactory.Create();
        var report = await db.WorkReports.AsNoTracking().Include(r => r.Parts).FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken);
        if (report is null || report.State == WorkReportState.Draft)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        if (!actor.IsServiceDesk && actor.UserId != report.EngineerId)
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        var now = clock.GetUtcNow();
        var company = tenantContext.Tenant?.Name ?? "";
        static string Encode(string value) => System.Net.WebUtility.HtmlEncode(value);
        var body = text["Email.Body", Encode(company), Encode(report.RequestNumber), report.Visit, report.VisitedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            Encode(text["Result." + report.Result].Value), WorkReportFormat.Money(WorkReportRules.Total(report).Total), Encode(checkUrl)].Value;
        db.OutboxMessages.Add(new AfterSales.Modules.Notifications.OutboxMessage
        {
            Channel = AfterSales.Modules.Notifications.DeliveryChannel.Email,
            Recipient = address,
            TemplateKey = "workReport.sent",
            Subject = Clip(text["Email.Subject", company, report.RequestNumber].Value, AfterSales.Modules.Notifications.NotificationRules.SubjectLength),
            Body = Clip(body, AfterSales.Modules.Notifications.NotificationRules.BodyLength),
            Link = $"work-reports/{report.Id}/print",
            RequestId = report.ServiceRequestId,
            RequestNumber = report.RequestNumber,
            CreatedAt = now,
            NextAttemptAt = now.ToUniversalTime(),
        });
        db.RequestEvents.Add(RequestEvent.Of(actor, report.ServiceRequestId, now, RequestEventKind.Comment, Clip(text["Timeline.Emailed", report.Visit, address].Value, ServiceRules.CommentLength)));
        await db.SaveChangesAsync(cancellationToken);
        return new ActionResult(ActionStatus.Done);
    }

    /// <summary>Reports by verification state for the manager's list, newest submission first.</summary>
    public async Task<(IReadOnlyList<WorkReport> Items, int Total)> SearchAsync(WorkReportState? state, string? search, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var query = db.WorkReports.AsNoTracking().Where(r => r.State != WorkReportState.Draft);
        if (state is { } s)
        {
            query = query.Where(r => r.State == s);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SearchPattern.Containing(search);
            query = query.Where(r => EF.Functions.Like(r.RequestNumber, pattern, SearchPattern.Escape) || EF.Functions.Like(r.EngineerName, pattern, SearchPattern.Escape));
        }

        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderByDescending(r => r.SubmittedAt).ThenBy(r => r.Id).Skip(skip).Take(take)
            .Include(r => r.Parts.OrderBy(p => p.Line)).ToListAsync(cancellationToken);
        return (items, total);
    }

    /// <summary>Verified charges with their request, the rows an invoice is made from.</summary>
    public async Task<IReadOnlyList<WorkReport>> VerifiedAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var reports = await db.WorkReports.AsNoTracking().Include(r => r.Parts.OrderBy(p => p.Line))
            .Where(r => r.State == WorkReportState.Verified && r.VisitedOn >= from && r.VisitedOn <= to)
            .ToListAsync(cancellationToken);
        return [.. reports.OrderBy(r => r.VisitedOn).ThenBy(r => r.RequestNumber, StringComparer.Ordinal)];
    }

    private static bool IsPng(byte[] bytes) => bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';

    private static async Task ApplyAsync(IWorkReportsDb db, WorkReport report, WorkReportInput input, CancellationToken cancellationToken)
    {
        var partIds = input.Parts.Where(p => p.SparePartId is not null).Select(p => p.SparePartId!.Value).Distinct().ToList();
        var catalogue = await db.SpareParts.AsNoTracking().Where(p => partIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        report.VisitedOn = input.VisitedOn!.Value;
        report.FaultCategoryId = input.FaultCategoryId;
        report.CauseId = input.CauseId;
        report.Measures = input.Measures?.Trim() ?? "";
        report.Result = input.Result;
        report.LaborHours = input.LaborHours;
        report.LaborFee = input.LaborFee;
        report.TravelFee = input.TravelFee;
        report.OtherFee = input.OtherFee;
        report.OtherFeeNote = string.IsNullOrWhiteSpace(input.OtherFeeNote) ? null : input.OtherFeeNote.Trim();
        report.CustomerRemark = string.IsNullOrWhiteSpace(input.CustomerRemark) ? null : input.CustomerRemark.Trim();
        var line = 0;
        foreach (var part in input.Parts)
        {
            // A part id of another tenant is not in the filtered catalogue: the line keeps the typed text and no link.
            var known = part.SparePartId is { } pid && catalogue.TryGetValue(pid, out var p) ? p : null;
            var entity = new WorkReportPart
            {
                WorkReportId = report.Id,
                Line = ++line,
                SparePartId = known?.Id,
                Code = Clip(known?.Code ?? part.Code.Trim(), 64),
                Name = Clip(known?.Name ?? part.Name.Trim(), 200),
                Quantity = part.Quantity,
                UnitPrice = part.UnitPrice == 0 && known is not null ? known.Price : part.UnitPrice,
                Charged = part.Charged,
            };
            report.Parts.Add(entity);
            db.WorkReportParts.Add(entity);
        }
    }

    private static async Task<WorkReportSave> SaveAsync(IWorkReportsDb db, WorkReport report, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new WorkReportSave(ActionStatus.Done, report.Id, report.ConcurrencyStamp, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            return WorkReportSave.Of(ActionStatus.Conflict);
        }
    }

    private static string Clip(string value, int length) => value.Length <= length ? value : value[..length];
}

/// <summary>A save's outcome: the report's id and new stamp when done, the problems (field, text key) when invalid.</summary>
public sealed record WorkReportSave(ActionStatus Status, Guid? Id, string? Stamp, IReadOnlyList<(string Field, string Key)> Problems)
{
    public static WorkReportSave Of(ActionStatus status) => new(status, null, null, []);
}

/// <param name="MissingStep">The workflow offers no step for the report's result where the request stands (it moved, or the tenant's workflow has none).</param>
/// <param name="StepName">The workflow step the submission took or tried.</param>
/// <param name="FieldErrors">Fields the workflow step asks for that the report does not fill.</param>
public sealed record WorkReportSubmit(
    ActionStatus Status, IReadOnlyList<(string Field, string Key)>? Problems = null, bool MissingStep = false,
    AfterSales.Workflows.Definitions.LocalizedText? StepName = null, IReadOnlyList<string>? FieldErrors = null, AfterSales.Workflows.WorkflowMessage? Refusal = null)
{
    public static WorkReportSubmit Of(ActionStatus status) => new(status);
}
