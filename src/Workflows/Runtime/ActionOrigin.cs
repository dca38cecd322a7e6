namespace AfterSales.Workflows.Runtime;

/// <summary>Which part of the definition an action came from.</summary>
public enum ActionOrigin
{
    /// <summary>Exit actions of the status left.</summary>
    StatusExit,

    /// <summary>The transition's actions.</summary>
    Transition,

    /// <summary>Entry actions of the status entered.</summary>
    StatusEntry,

    /// <summary>The actions of a timer that fired.</summary>
    Timer,
}
