namespace AfterSales.Modules.Workflow.Designer;

/// <summary>The three ways a timer falls due, as the timer editor offers them.</summary>
public enum TimerDueKind
{
    /// <summary>A duration after it starts.</summary>
    After,

    /// <summary>At a date field of the request.</summary>
    AtField,

    /// <summary>When an SLA clock runs out.</summary>
    AtSla,
}
