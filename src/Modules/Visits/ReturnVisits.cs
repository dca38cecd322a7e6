using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Visits;

/// <summary>
/// Return visits: the pending ones to make, answering one by phone or through the customer's link, and what customers said. An
/// answer moves the request as seed 001 says (satisfied: closed; otherwise back to assignment) through the workflow's own
/// <see cref="SatisfactionRule.CloseTransition"/> or <see cref="SatisfactionRule.ReopenTransition"/> step, in the same transaction.
/// </summary>
public sealed class ReturnVisits(
    IDbFactory<IVisitsDb> dbFactory, RequestWorkflow workflow, VisitLinks links, ITenantContext tenantContext, TimeProvider clock,
    IStringLocalizer<VisitText> text)
{
    /// <summary>
    /// Whether <paramref name="actor"/> may answer a visit of a request assigned to <paramref name="assigneeId"/>: the service desk
    /// (agents, dispatchers, managers, admins), never the engineer who did the work — the visit checks on them.
    /// </summary>
    public static bool MayRecord(RequestActor actor, string? assigneeId) =>
        actor.IsServiceDesk && (assigneeId is null || actor.UserId != assigneeId);

    /// <summary>The request's visits, latest first.</summary>
    public async Task<IReadOnlyList<ReturnVisit>> ForRequestAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ReturnVisits.AsNoTracking().Where(v => v.ServiceRequestId == requestId).OrderByDescending(v => v.Attempt).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The customer's link token for a pending visit of the current tenant, for those who may record it (a link is as good as the
    /// answers it records); null when there is no such visit to answer or the user may not hand it out.
    /// </summary>
    public async Task<string?> LinkTokenAsync(Guid visitId, RequestActor actor, CancellationToken cancellationToken = default) =>
        await FindAsync(visitId, cancellationToken) is ({ Status: ReturnVisitStatus.Pending }, var request) && MayRecord(actor, request.AssigneeId)
            ? links.Issue(tenantContext.Tenant!.Id, visitId)
            : null;

    /// <summary>Records what the customer said on the phone, if the visit and its request are still as the user saw them.</summary>
    public async Task<VisitOutcome> RecordAsync(Guid visitId, VisitAnswers answers, string visitStamp, string requestStamp, RequestActor actor,
        CancellationToken cancellationToken = default)
    {
        if (answers.Errors() is { Count: > 0 } errors)
        {
            return new VisitOutcome(VisitRecordStatus.Invalid, Errors: errors);
        }

        var found = await FindAsync(visitId, cancellationToken);
        if (found is null)
        {
            return new VisitOutcome(VisitRecordStatus.NotFound);
        }

        var (visit, request) = found.Value;
        if (!MayRecord(actor, request.AssigneeId))
        {
            return new VisitOutcome(VisitRecordStatus.NotAllowed);
        }

        if (visit.Status != ReturnVisitStatus.Pending)
        {
            return new VisitOutcome(VisitRecordStatus.AlreadyAnswered);
        }

        return await AnswerAsync(visit.Id, visitStamp, request.Number, requestStamp, answers, ReturnVisitChannel.Phone, actor, cancellationToken);
    }

    /// <summary>
    /// Drops a pending visit without answers (the customer cannot be reached or will not answer): the request stays where it is, the
    /// timeline says who dropped it, and its link stops working. The desk then moves the request by its own buttons.
    /// </summary>
    public async Task<VisitOutcome> CancelAsync(Guid visitId, string visitStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var found = await FindAsync(visitId, cancellationToken);
        if (found is null)
        {
            return new VisitOutcome(VisitRecordStatus.NotFound);
        }

        if (!MayRecord(actor, found.Value.Request.AssigneeId))
        {
            return new VisitOutcome(VisitRecordStatus.NotAllowed);
        }

        using var db = dbFactory.Create();
        var visit = await db.ReturnVisits.FirstAsync(v => v.Id == visitId, cancellationToken);
        if (visit.Status != ReturnVisitStatus.Pending || visit.ConcurrencyStamp != visitStamp)
        {
            return new VisitOutcome(visit.Status == ReturnVisitStatus.Pending ? VisitRecordStatus.Conflict : VisitRecordStatus.AlreadyAnswered);
        }

        var now = clock.GetUtcNow();
        visit.Status = ReturnVisitStatus.Cancelled;
        visit.RecordedAt = now;
        visit.RecordedById = actor.UserId;
        visit.RecordedBy = actor.Name;
        visit.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        db.RequestEvents.Add(RequestEvent.Of(actor, visit.ServiceRequestId, now, RequestEventKind.Comment, text["Visit.CancelledNote", visit.Attempt]));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new VisitOutcome(VisitRecordStatus.Cancelled);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new VisitOutcome(VisitRecordStatus.AlreadyAnswered);
        }
    }

    /// <summary>What a customer's link opens: the visit to answer, or why it cannot be answered (nothing is told about other tenants' visits).</summary>
    public async Task<VisitLinkView> OpenLinkAsync(string? token, CancellationToken cancellationToken = default)
    {
        var link = links.Read(token, tenantContext.Tenant!.Id);
        if (link.State == VisitLinkState.Invalid)
        {
            return new VisitLinkView(VisitLinkState.Invalid, null);
        }

        var found = await FindAsync(link.VisitId, cancellationToken);
        if (found is null)
        {
            return new VisitLinkView(VisitLinkState.Invalid, null);
        }

        var (visit, request) = found.Value;
        return new VisitLinkView(link.State, visit.Status, request.Number, request.Subject);
    }

    /// <summary>
    /// Records the customer's own answers from their link. The link works once: a used, expired, altered or foreign one changes nothing.
    /// The workflow step runs as the system, since the customer holds no staff role.
    /// </summary>
    public async Task<VisitOutcome> RecordFromLinkAsync(string? token, VisitAnswers answers, CancellationToken cancellationToken = default)
    {
        var link = links.Read(token, tenantContext.Tenant!.Id);
        if (link.State != VisitLinkState.Valid)
        {
            return new VisitOutcome(link.State == VisitLinkState.Expired ? VisitRecordStatus.LinkExpired : VisitRecordStatus.LinkInvalid);
        }

        var found = await FindAsync(link.VisitId, cancellationToken);
        if (found is null)
        {
            return new VisitOutcome(VisitRecordStatus.LinkInvalid);
        }

        var (visit, request) = found.Value;
        if (visit.Status != ReturnVisitStatus.Pending)
        {
            return new VisitOutcome(VisitRecordStatus.AlreadyAnswered);
        }

        if (answers.Errors() is { Count: > 0 } errors)
        {
            return new VisitOutcome(VisitRecordStatus.Invalid, Errors: errors);
        }

        // The customer answers the request as it is now: nobody showed them a version of it to be stale against.
        return await AnswerAsync(visit.Id, visit.ConcurrencyStamp, request.Number, request.ConcurrencyStamp, answers, ReturnVisitChannel.CustomerLink,
            RequestActor.System, cancellationToken);
    }

    /// <summary>A page of visits for the list, with the count and average rating of everything the filter matches.</summary>
    public async Task<VisitPage> ListAsync(VisitQuery query, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var visits = db.ReturnVisits.AsNoTracking().Where(v => v.Status == (query.Pending ? ReturnVisitStatus.Pending : ReturnVisitStatus.Done));
        if (query.Satisfied is { } satisfied)
        {
            visits = visits.Where(v => v.Satisfied == satisfied);
        }

        if (query.Stars is { } stars)
        {
            visits = visits.Where(v => v.Satisfaction == stars);
        }

        var rows = from v in visits
                   join r in db.ServiceRequests on v.ServiceRequestId equals r.Id
                   join c in db.Customers on r.CustomerId equals c.Id into customers
                   from c in customers.DefaultIfEmpty()
                   select new { Visit = v, Request = r, TypeZh = r.ServiceType!.NameZh, TypeEn = r.ServiceType.NameEn, Customer = c == null ? null : c.Name, CustomerPhone = c == null ? null : c.Phone };
        if (query.Pending)
        {
            // A request closed or cancelled another way no longer waits for its call.
            rows = rows.Where(x => x.Request.StatusCategory != StatusCategory.Done);
        }

        var total = await rows.CountAsync(cancellationToken);
        var average = query.Pending ? null : await rows.AverageAsync(x => (double?)x.Visit.Satisfaction, cancellationToken);
        rows = (query.Sort, query.Descending) switch
        {
            (VisitSort.Number, false) => rows.OrderBy(x => x.Request.Number),
            (VisitSort.Number, true) => rows.OrderByDescending(x => x.Request.Number),
            (VisitSort.Satisfaction, false) => rows.OrderBy(x => x.Visit.Satisfaction).ThenBy(x => x.Visit.RecordedAt),
            (VisitSort.Satisfaction, true) => rows.OrderByDescending(x => x.Visit.Satisfaction).ThenByDescending(x => x.Visit.RecordedAt),
            (VisitSort.Recorded, false) => rows.OrderBy(x => x.Visit.RecordedAt),
            (VisitSort.Recorded, true) => rows.OrderByDescending(x => x.Visit.RecordedAt),
            (VisitSort.Created, false) => rows.OrderBy(x => x.Visit.CreatedAt),
            (VisitSort.Created, true) => rows.OrderByDescending(x => x.Visit.CreatedAt),
            (_, false) => rows.OrderBy(x => x.Visit.DueAt),
            (_, true) => rows.OrderByDescending(x => x.Visit.DueAt),
        };
        var zh = CultureInfo.CurrentUICulture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var page = await rows.Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 100)).ToListAsync(cancellationToken);
        var items = page.Select(x => new VisitRow(
            x.Visit.Id, x.Request.Number, x.Request.Subject, x.Customer, x.Request.ContactName,
            // The number to call: the request's contact, else the customer's own line.
            x.Request.ContactPhone ?? x.CustomerPhone,
            zh ? x.TypeZh : x.TypeEn, x.Visit.Attempt, x.Visit.CreatedAt, x.Visit.DueAt, x.Visit.Channel, x.Visit.Solved, x.Visit.Overcharged,
            x.Visit.Satisfaction, x.Visit.Satisfied, x.Visit.Comment, x.Visit.RecordedAt, x.Visit.RecordedBy)).ToList();
        return new VisitPage(items, total, average);
    }

    private async Task<(ReturnVisit Visit, ServiceRequest Request)?> FindAsync(Guid visitId, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var found = await (from v in db.ReturnVisits.AsNoTracking()
                           join r in db.ServiceRequests.AsNoTracking() on v.ServiceRequestId equals r.Id
                           where v.Id == visitId
                           select new { v, r }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.v, found.r);
    }

    // The answers and the step they lead to, stored together; when the request's workflow has no such step open (a tenant changed it,
    // or the request was closed meanwhile by hand), the answers are kept and the user is told which step did not run.
    private async Task<VisitOutcome> AnswerAsync(Guid visitId, string visitStamp, string number, string requestStamp, VisitAnswers answers,
        ReturnVisitChannel channel, RequestActor actor, CancellationToken cancellationToken)
    {
        var satisfied = SatisfactionRule.IsSatisfied(answers.Solved!.Value, answers.Satisfaction!.Value);
        var step = satisfied ? SatisfactionRule.CloseTransition : SatisfactionRule.ReopenTransition;
        var summary = Summary(answers, channel);
        var fired = await workflow.FireAsync(number, step, new Dictionary<string, string?>(), summary, requestStamp, actor, cancellationToken,
            (context, token) => ApplyAsync(context.Database<IVisitsDb>(), visitId, visitStamp, answers, satisfied, channel, actor, addNote: null, token));
        switch (fired.Status)
        {
            case ActionStatus.Done:
                return new VisitOutcome(VisitRecordStatus.Recorded, step);
            case ActionStatus.NotFound:
                return new VisitOutcome(VisitRecordStatus.NotFound);
            case ActionStatus.Conflict:
                // Either the request moved since it was read or someone answered the visit first.
                return new VisitOutcome(await IsPendingAsync(visitId, visitStamp, cancellationToken) ? VisitRecordStatus.Conflict : VisitRecordStatus.AlreadyAnswered);
        }

        using (var db = dbFactory.Create())
        {
            await ApplyAsync(db, visitId, visitStamp, answers, satisfied, channel, actor, addNote: summary, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new VisitOutcome(VisitRecordStatus.AlreadyAnswered);
            }
        }

        return new VisitOutcome(VisitRecordStatus.RecordedWithoutStep, step, fired.Refusal, StepNeedsForm: fired.Status == ActionStatus.Invalid);
    }

    private async Task ApplyAsync(IVisitsDb db, Guid visitId, string visitStamp, VisitAnswers answers, bool satisfied, ReturnVisitChannel channel,
        RequestActor actor, string? addNote, CancellationToken cancellationToken)
    {
        var visit = await db.ReturnVisits.FirstAsync(v => v.Id == visitId, cancellationToken);
        // Stored only over the stamp the user answered: whoever answered first meanwhile (phone or link) wins, the other is told.
        db.Entry(visit).Property(v => v.ConcurrencyStamp).OriginalValue = visitStamp;
        var now = clock.GetUtcNow();
        visit.Status = ReturnVisitStatus.Done;
        visit.Channel = channel;
        visit.Solved = answers.Solved;
        visit.Overcharged = answers.Overcharged;
        visit.Satisfaction = answers.Satisfaction;
        visit.Comment = string.IsNullOrWhiteSpace(answers.Comment) ? null : answers.Comment.Trim();
        visit.Satisfied = satisfied;
        visit.RecordedAt = now;
        visit.RecordedById = actor.UserId;
        visit.RecordedBy = channel == ReturnVisitChannel.CustomerLink ? text["Visit.ByCustomer"] : actor.Name;
        visit.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        if (addNote is not null)
        {
            var note = RequestEvent.Of(actor, visit.ServiceRequestId, now, RequestEventKind.Comment, addNote);
            db.RequestEvents.Add(note);
        }
    }

    private async Task<bool> IsPendingAsync(Guid visitId, string visitStamp, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        return await db.ReturnVisits.AnyAsync(v => v.Id == visitId && v.Status == ReturnVisitStatus.Pending && v.ConcurrencyStamp == visitStamp, cancellationToken);
    }

    // One line on the request's timeline, in the language of whoever answered.
    private string Summary(VisitAnswers answers, ReturnVisitChannel channel)
    {
        var parts = new List<string>
        {
            text[channel == ReturnVisitChannel.CustomerLink ? "Visit.Summary.Link" : "Visit.Summary.Phone"],
            text[answers.Solved == true ? "Visit.Summary.Solved" : "Visit.Summary.NotSolved"],
            text[answers.Overcharged == true ? "Visit.Summary.Overcharged" : "Visit.Summary.NotOvercharged"],
            text["Visit.Summary.Satisfaction", answers.Satisfaction!.Value, SatisfactionRule.Highest],
        };
        if (!string.IsNullOrWhiteSpace(answers.Comment))
        {
            parts.Add(answers.Comment.Trim());
        }

        var line = string.Join(" · ", parts);
        return line.Length > ServiceRules.CommentLength ? line[..ServiceRules.CommentLength] : line;
    }
}
