using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Sla;

/// <summary>How a definition drives its SLA clocks: start with the instance, pause while waiting, stop when met or done.</summary>
public static class SlaClocks
{
    /// <summary>The clocks a new instance starts with: those the definition tracks and the policy gives a target.</summary>
    public static IReadOnlyList<SlaClock> Start(WorkflowDefinition definition, IReadOnlyDictionary<SlaClockKind, TimeSpan> targets, StatusDefinition startStatus, DateTimeOffset at, BusinessCalendar calendar) =>
        definition.SlaClocks
            .Where(c => targets.ContainsKey(c.Clock))
            .Select(c => OnStatusEntered(SlaClock.Start(c.Clock, targets[c.Clock], at), definition, startStatus, at, calendar))
            .ToList();

    /// <summary>The clock after the instance enters <paramref name="status"/> at <paramref name="at"/>.</summary>
    public static SlaClock OnStatusEntered(SlaClock clock, WorkflowDefinition definition, StatusDefinition status, DateTimeOffset at, BusinessCalendar calendar)
    {
        var stops = status.Category == StatusCategory.Done ||
            definition.SlaClocks.Any(c => c.Clock == clock.Kind && c.StopsIn.Contains(status.Key));
        return stops ? clock.Stop(at, calendar)
            : status.Category == StatusCategory.Waiting ? clock.Pause(at, calendar)
            : clock.Resume(at);
    }

    /// <summary>The clocks with the targets of a new policy; accrued time and pauses are kept, clocks without a new target keep theirs.</summary>
    public static IReadOnlyList<SlaClock> Retarget(IEnumerable<SlaClock> clocks, IReadOnlyDictionary<SlaClockKind, TimeSpan> targets) =>
        clocks.Select(c => targets.TryGetValue(c.Kind, out var target) ? c.WithTarget(target) : c).ToList();
}
