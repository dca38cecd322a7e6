using AfterSales.Modules.Service;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// The request's timeline lines about its visits. The text is a key the request page words in the reader's language
/// (<c>Event.Appointment.{text}</c> in ServiceText), the details the window, engineer and reason as they were then.
/// </summary>
public static class VisitTimeline
{
    public const string Scheduled = nameof(Scheduled);
    public const string Rescheduled = nameof(Rescheduled);
    public const string Cancelled = nameof(Cancelled);

    public static RequestEvent Line(RequestActor actor, Guid requestId, DateTimeOffset at, string what, string? details = null)
    {
        var line = RequestEvent.Of(actor, requestId, at, RequestEventKind.Appointment, what);
        line.Details = details;
        return line;
    }

    /// <summary>A step's line: its text is the step's name (Accept, Depart, Arrive, Finish).</summary>
    public static RequestEvent Step(RequestActor actor, Guid requestId, DateTimeOffset at, VisitStep step) => Line(actor, requestId, at, step.ToString());
}
