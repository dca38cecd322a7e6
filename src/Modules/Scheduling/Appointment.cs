using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// A visit agreed for a request: its engineer, the day and window (UTC instants, with the tenant's day beside them), who agreed
/// it, and the engineer's steps on the way. A request keeps every appointment it had: moving one cancels it with a reason.
/// </summary>
/// <remarks>
/// Not audited row by row: the request's timeline already tells who agreed, moved, cancelled and walked through each visit.
/// </remarks>
public class Appointment : ITenantOwned
{
    public const int NoteLength = 500;
    public const int ReasonLength = 500;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }

    /// <summary>
    /// The request's id while the visit is planned, null once it is cancelled or done: a unique index on it lets a request hold
    /// one planned visit even when two people schedule it at once, while its past visits stay.
    /// </summary>
    public Guid? PlannedRequestId { get; set; }

    public string EngineerId { get; set; } = "";
    public string EngineerName { get; set; } = "";

    /// <summary>The visit's day in the tenant's time zone, so a week or a day is read without converting every row.</summary>
    public DateOnly Day { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public string? Note { get; set; }

    public string? AgreedById { get; set; }
    public string? AgreedBy { get; set; }
    public DateTimeOffset AgreedAt { get; set; }

    public AppointmentStatus Status { get; set; } = AppointmentStatus.Planned;
    public DateTimeOffset? AcceptedAt { get; set; }
    public DateTimeOffset? DepartedAt { get; set; }
    public DateTimeOffset? ArrivedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    public DateTimeOffset? CancelledAt { get; set; }
    public string? CancelledBy { get; set; }
    public string? CancelReason { get; set; }
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");

    public VisitWindow Window => new(StartsAt, EndsAt);

    /// <summary>The step the engineer takes next; null once the visit is done or cancelled.</summary>
    public VisitStep? NextStep => Status != AppointmentStatus.Planned ? null
        : AcceptedAt is null ? VisitStep.Accept
        : DepartedAt is null ? VisitStep.Depart
        : ArrivedAt is null ? VisitStep.Arrive
        : VisitStep.Finish;

    /// <summary>Records <paramref name="step"/> if it is the next one; finishing ends the visit.</summary>
    public bool Take(VisitStep step, DateTimeOffset at)
    {
        if (step != NextStep)
        {
            return false;
        }

        switch (step)
        {
            case VisitStep.Accept:
                AcceptedAt = at;
                break;
            case VisitStep.Depart:
                DepartedAt = at;
                break;
            case VisitStep.Arrive:
                ArrivedAt = at;
                break;
            default:
                FinishedAt = at;
                Status = AppointmentStatus.Done;
                PlannedRequestId = null;
                break;
        }

        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return true;
    }

    /// <summary>Calls the visit off; only a planned visit can be.</summary>
    public bool Cancel(string reason, string? by, DateTimeOffset at)
    {
        if (Status != AppointmentStatus.Planned)
        {
            return false;
        }

        Status = AppointmentStatus.Cancelled;
        PlannedRequestId = null;
        CancelReason = reason;
        CancelledBy = by;
        CancelledAt = at;
        ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return true;
    }

    /// <summary>The steps taken so far, in order, with when.</summary>
    public IReadOnlyList<(VisitStep Step, DateTimeOffset At)> StepsTaken =>
        new (VisitStep Step, DateTimeOffset? At)[] { (VisitStep.Accept, AcceptedAt), (VisitStep.Depart, DepartedAt), (VisitStep.Arrive, ArrivedAt), (VisitStep.Finish, FinishedAt) }
            .Where(s => s.At is not null).Select(s => (s.Step, s.At!.Value)).ToList();
}
