using AfterSales.Modules.Dispatch;

namespace AfterSales.Modules.Scheduling;

/// <summary>
/// What a dispatcher should know before agreeing a visit, without being stopped by it: customers sometimes insist on a Saturday
/// or squeeze in between two visits, and the engineer may agree.
/// </summary>
public static class AppointmentWarnings
{
    public const string DayOff = "Warning.DayOff";
    public const string OverCapacity = "Warning.OverCapacity";
    public const string Overlap = "Warning.Overlap";

    /// <param name="profile">The engineer's profile; without one they work any day without limit.</param>
    /// <param name="booked">The engineer's other visits that day, planned or done (not the one being moved).</param>
    public static IReadOnlyList<ScheduleWarning> For(DateOnly day, VisitWindow window, EngineerProfile? profile, IReadOnlyList<BookedVisit> booked)
    {
        var warnings = new List<ScheduleWarning>();
        if (profile is not null && !profile.WorksOn(day))
        {
            warnings.Add(new ScheduleWarning(DayOff));
        }

        if (profile is not null && booked.Count + 1 > profile.CapacityPerDay)
        {
            warnings.Add(new ScheduleWarning(OverCapacity, [booked.Count + 1, profile.CapacityPerDay]));
        }

        foreach (var other in booked.Where(b => b.Window.Overlaps(window)).OrderBy(b => b.Window.Start))
        {
            warnings.Add(new ScheduleWarning(Overlap, [other.RequestNumber, $"{other.From:HH\\:mm}–{other.To:HH\\:mm}"]));
        }

        return warnings;
    }
}

/// <summary>A warning's text key (ScheduleText) and the values it names.</summary>
public sealed record ScheduleWarning(string Key, IReadOnlyList<object>? Args = null)
{
    public object[] Values => [.. Args ?? []];
}

/// <summary>Another visit of the same engineer on the same day, with its wall-clock times for the warning's text.</summary>
public sealed record BookedVisit(string RequestNumber, VisitWindow Window, TimeOnly From, TimeOnly To);
