namespace AfterSales.Workflows.Definitions;

/// <summary>Who may start a transition.</summary>
public enum TransitionTrigger
{
    /// <summary>A user with one of the transition's roles, from a button.</summary>
    Manual,

    /// <summary>
    /// Only the system: a timer, or the host acting as <see cref="Runtime.WorkflowActor.System"/> (e.g. a portal
    /// confirmation). Never offered to users, so it needs no roles.
    /// </summary>
    Automatic,
}
