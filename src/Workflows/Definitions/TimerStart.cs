namespace AfterSales.Workflows.Definitions;

/// <summary>What arms a timer.</summary>
public enum TimerStart
{
    /// <summary>Entering <see cref="TimerDefinition.Status"/>; leaving it cancels the timer.</summary>
    StatusEntered,

    /// <summary>Starting the instance; reaching a done status cancels it (whole-request SLA reminders).</summary>
    InstanceStarted,

    /// <summary>Only a <see cref="Actions.StartTimerAction"/>.</summary>
    Action,
}
