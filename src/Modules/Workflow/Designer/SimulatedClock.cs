namespace AfterSales.Modules.Workflow.Designer;

/// <summary>The simulator's own time: it stands still, and moves forward only when a timer is made due.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > now)
        {
            now = instant;
        }
    }
}
