using AfterSales.Workflows;

namespace AfterSales.Modules.Visits;

public enum VisitRecordStatus
{
    /// <summary>Answers stored and the request moved by <see cref="VisitOutcome.Step"/>.</summary>
    Recorded,

    /// <summary>Answers stored, but the request's workflow had no such step open; the request stays where it is.</summary>
    RecordedWithoutStep,
    Invalid,
    NotFound,
    NotAllowed,

    /// <summary>Dropped without answers; the request stays where it is.</summary>
    Cancelled,

    /// <summary>Someone (or the customer's link) answered or dropped this visit first; nothing was changed.</summary>
    AlreadyAnswered,

    /// <summary>The request changed since the user loaded it; nothing was stored.</summary>
    Conflict,
    LinkExpired,
    LinkInvalid,
}

/// <summary>How answering a return visit went.</summary>
/// <param name="Step">The workflow step the answers led to (<c>Close</c> or <c>Reopen</c>).</param>
/// <param name="Refusal">Why the workflow did not take that step, in both languages.</param>
/// <param name="Errors">Text keys of the unanswered questions, by question.</param>
/// <param name="StepNeedsForm">The step exists but asks for form fields a return visit does not answer.</param>
public sealed record VisitOutcome(
    VisitRecordStatus Status, string? Step = null, WorkflowMessage? Refusal = null, IReadOnlyDictionary<string, string>? Errors = null, bool StepNeedsForm = false)
{
    public bool IsRecorded => Status is VisitRecordStatus.Recorded or VisitRecordStatus.RecordedWithoutStep;
}

/// <summary>What a customer's link opens: its state, the visit's (none when the link is invalid), and which request it is about.</summary>
public sealed record VisitLinkView(VisitLinkState State, ReturnVisitStatus? VisitStatus, string? Number = null, string? Subject = null)
{
    public bool CanAnswer => State == VisitLinkState.Valid && VisitStatus == ReturnVisitStatus.Pending;
}
