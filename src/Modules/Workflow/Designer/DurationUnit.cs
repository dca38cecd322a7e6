namespace AfterSales.Modules.Workflow.Designer;

/// <summary>The units a duration is entered in.</summary>
public enum DurationUnit
{
    /// <summary>Minutes.</summary>
    Minutes,

    /// <summary>Hours.</summary>
    Hours,

    /// <summary>Days of 24 hours.</summary>
    Days,
}
