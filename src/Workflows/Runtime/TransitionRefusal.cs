namespace AfterSales.Workflows.Runtime;

/// <summary>A refused change: why, in words, and which fields are missing.</summary>
/// <param name="Reason">Machine-readable reason.</param>
/// <param name="Message">Text for the user.</param>
/// <param name="MissingFields">Empty required fields, for <see cref="RefusalReason.MissingRequiredFields"/>.</param>
/// <param name="Detail">Technical detail (the script error) for administrators; not localised.</param>
public sealed record TransitionRefusal(RefusalReason Reason, WorkflowMessage Message, IReadOnlyList<string> MissingFields, string? Detail = null)
{
    internal static TransitionRefusal Of(RefusalReason reason, WorkflowMessage message, string? detail = null) =>
        new(reason, message, [], detail);
}
