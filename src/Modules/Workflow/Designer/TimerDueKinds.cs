using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Sla;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>Reads and makes <see cref="TimerDue"/>s by <see cref="TimerDueKind"/>.</summary>
public static class TimerDueKinds
{
    /// <summary>The kind of <paramref name="due"/> (a duration when it is not exactly one kind).</summary>
    public static TimerDueKind Of(TimerDue due) => due switch
    {
        { Field: not null } => TimerDueKind.AtField,
        { SlaClock: not null } => TimerDueKind.AtSla,
        _ => TimerDueKind.After,
    };

    /// <summary>A due time of <paramref name="kind"/> to start editing from.</summary>
    public static TimerDue Default(TimerDueKind kind) => kind switch
    {
        TimerDueKind.AtField => TimerDue.AtField("requestedDate"),
        TimerDueKind.AtSla => TimerDue.AtSla(SlaClockKind.Resolution),
        _ => TimerDue.After(TimeSpan.FromDays(1)),
    };
}
