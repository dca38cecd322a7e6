using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Sla;

namespace AfterSales.Workflows.Timers;

/// <summary>When a timer falls due, given the instance and the request at the moment it is armed.</summary>
internal static class TimerArming
{
    /// <summary>
    /// The due instant; null when it cannot be armed (no such field, no such clock, a stopped clock) or when it follows
    /// a paused SLA clock, which <c>paused</c> tells apart: armed, but not scheduled until the clock resumes.
    /// </summary>
    public static DateTimeOffset? DueAt(TimerDue due, WorkflowInstance instance, WorkflowContext context, DateTimeOffset now, out bool paused)
    {
        paused = false;
        if (due.Duration is { } duration)
        {
            return due.BusinessTime ? context.Calendar.AddBusinessTime(now, duration) : now + duration;
        }

        if (due.Field is { } field)
        {
            return FormValues.ToInstant(context.Request.Value(field), context.Calendar) is { } at ? at + (due.Offset ?? TimeSpan.Zero) : null;
        }

        if (due.SlaClock is { } kind && instance.Clock(kind) is { } clock)
        {
            paused = clock.State == SlaClockState.Paused;
            return clock.DueAt(context.Calendar);
        }

        return null;
    }
}
