using AfterSales.Modules.Service;

namespace AfterSales.Modules.Scheduling;

/// <summary>A visit as the schedule dialog fills it in: the day and window in the tenant's time zone.</summary>
public sealed class AppointmentInput
{
    public DateOnly? Day { get; set; }
    public TimeOnly? From { get; set; }
    public TimeOnly? To { get; set; }
    public string? Note { get; set; }

    /// <summary>Why the visit agreed before is moved; asked for only when rescheduling.</summary>
    public string? Reason { get; set; }
}

/// <param name="Errors">Field → text key of what is wrong; nothing was saved.</param>
/// <param name="Warnings">Saved (or checked) despite these: day off, over capacity, overlapping visits.</param>
public sealed record ScheduleResult(
    ActionStatus Status, IReadOnlyDictionary<string, string>? Errors = null, IReadOnlyList<ScheduleWarning>? Warnings = null, Guid? AppointmentId = null,
    string? ErrorKey = null);

/// <summary>A visit as the request page, the calendar and My work show it, its times in the tenant's time zone.</summary>
public sealed record AppointmentView(
    Guid Id, Guid RequestId, string EngineerId, string EngineerName, DateOnly Day, TimeOnly From, TimeOnly To, string? Note, string? AgreedBy,
    DateTimeOffset AgreedAt, AppointmentStatus Status, VisitStep? NextStep, IReadOnlyList<(VisitStep Step, DateTimeOffset At)> Steps,
    string? CancelReason, string? CancelledBy, DateTimeOffset? CancelledAt, string ConcurrencyStamp)
{
    public static AppointmentView Of(Appointment a, TimeZoneInfo zone) => new(
        a.Id, a.ServiceRequestId, a.EngineerId, a.EngineerName, a.Day, VisitWindow.LocalTime(a.StartsAt, zone), VisitWindow.LocalTime(a.EndsAt, zone), a.Note,
        a.AgreedBy, a.AgreedAt, a.Status, a.NextStep, a.StepsTaken, a.CancelReason, a.CancelledBy, a.CancelledAt, a.ConcurrencyStamp);

    public string WindowText => $"{Day:yyyy-MM-dd} {From:HH\\:mm}–{To:HH\\:mm}";
}

/// <summary>The result of a visit step; <see cref="RequestNumber"/> leads to the request (and its work report) after finishing.</summary>
public sealed record StepResult(ActionStatus Status, string? RequestNumber = null, string? ErrorKey = null);

/// <summary>A visit in the calendar, with what the dispatcher needs to recognise it.</summary>
public sealed record CalendarEntry(
    Guid AppointmentId, Guid RequestId, string RequestNumber, string Subject, string? CustomerName, string? Address, string EngineerId, string EngineerName,
    DateOnly Day, TimeOnly From, TimeOnly To, AppointmentStatus Status, VisitStep? NextStep);

/// <param name="Engineers">Every engineer of the tenant, for the filter.</param>
/// <param name="EngineerId">The engineer shown alone; null for the team.</param>
public sealed record CalendarView(
    CalendarWeek Week, DateOnly Today, IReadOnlyList<CalendarEngineer> Engineers, string? EngineerId, IReadOnlyList<CalendarRow> Rows, IReadOnlyList<CalendarEntry> Entries);

/// <summary>A request on the engineer's day: where to go, whom to call, what unit, and the visit if one is agreed.</summary>
public sealed record WorkCard(
    Guid RequestId, string Number, string Subject, Guid? CustomerId, string? CustomerName, string? Address, string? Region, string? ContactName, string? ContactPhone,
    string? ModelCode, string? ModelName, string? SerialNumber, AfterSales.Modules.Products.Warranty? Warranty, AppointmentView? Visit);

/// <param name="Unscheduled">The engineer's open requests without a planned visit (shown from today on).</param>
public sealed record MyWorkDay(DateOnly Day, DateOnly Today, IReadOnlyList<WorkCard> Visits, IReadOnlyList<WorkCard> Unscheduled);
