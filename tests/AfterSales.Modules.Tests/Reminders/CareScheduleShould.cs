using AfterSales.Modules.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Modules.Tests.Reminders;

public sealed class CareScheduleShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo NewYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");

    [Fact]
    public void KeepAMonthEndPlanOnTheLastDayOfShorterMonthsWithoutDrifting()
    {
        var start = new DateOnly(2026, 1, 31);

        Assert.Equal(
            [new DateOnly(2026, 2, 28), new DateOnly(2026, 3, 31), new DateOnly(2026, 4, 30), new DateOnly(2026, 5, 31), new DateOnly(2026, 6, 30)],
            CareSchedule.Visits(start, 1, new DateOnly(2026, 2, 1), new DateOnly(2026, 6, 30)));
        Assert.Equal([new DateOnly(2026, 7, 31), new DateOnly(2027, 1, 31)], CareSchedule.Visits(start, 6, new DateOnly(2026, 2, 1), new DateOnly(2027, 6, 1)));
        // A leap day is visited in a leap year only.
        Assert.Equal([new DateOnly(2028, 2, 29)], CareSchedule.Visits(new DateOnly(2027, 11, 30), 3, new DateOnly(2028, 2, 1), new DateOnly(2028, 3, 1)));
        Assert.Equal([new DateOnly(2029, 2, 28)], CareSchedule.Visits(new DateOnly(2028, 2, 29), 12, new DateOnly(2029, 1, 1), new DateOnly(2029, 12, 31)));
        Assert.True(CareSchedule.IsVisit(start, 3, new DateOnly(2026, 4, 30)));
        Assert.False(CareSchedule.IsVisit(start, 3, new DateOnly(2026, 4, 28)));
        // The start itself is not a visit: the unit was just installed.
        Assert.False(CareSchedule.IsVisit(start, 3, start));
    }

    [Fact]
    public void FindTheVisitsOfALongRunningPlanWithinTheWindowOnly()
    {
        var start = new DateOnly(2016, 5, 15);

        Assert.Equal([new DateOnly(2026, 5, 15), new DateOnly(2026, 6, 15)], CareSchedule.Visits(start, 1, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)));
        Assert.Empty(CareSchedule.Visits(start, 0, new DateOnly(2026, 5, 1), new DateOnly(2026, 6, 30)));
    }

    [Fact]
    public void CountAConsumableFromItsLastReplacementAfterInstallation()
    {
        var installed = new DateOnly(2026, 1, 10);

        Assert.Equal(new DateOnly(2026, 7, 9), CareSchedule.ReplacementDue(installed, null, 180));
        Assert.Equal(new DateOnly(2026, 10, 28), CareSchedule.ReplacementDue(installed, new DateOnly(2026, 5, 1), 180));
        // A replacement recorded before the unit went into service (a re-registered unit) does not count.
        Assert.Equal(new DateOnly(2026, 7, 9), CareSchedule.ReplacementDue(installed, new DateOnly(2025, 12, 1), 180));
        Assert.Null(CareSchedule.ReplacementDue(null, null, 180));
        Assert.Null(CareSchedule.ReplacementDue(installed, null, 0));
    }

    [Fact]
    public void MoveTheReminderWhenTheConsumableIsReplacedEarly()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 6, 20, 2, 0, 0, TimeSpan.Zero));
        var installed = new DateOnly(2026, 1, 10);
        var today = ReminderSchedule.Today(clock.GetUtcNow(), Shanghai);
        int[] offsets = [14, 0];

        var due = CareSchedule.ReplacementDue(installed, null, 180)!.Value;
        Assert.Equal([(14, new DateOnly(2026, 6, 25)), (0, new DateOnly(2026, 7, 9))], CareSchedule.ReminderDays(due, offsets, today));

        // Replaced today: the next replacement is half a year off, beyond the horizon, so nothing is planned for now.
        var moved = CareSchedule.ReplacementDue(installed, today, 180)!.Value;
        Assert.Equal(new DateOnly(2026, 12, 17), moved);
        Assert.Empty(CareSchedule.ReminderDays(moved, offsets, today));
        clock.Advance(TimeSpan.FromDays(166));
        Assert.Equal([(14, new DateOnly(2026, 12, 3)), (0, moved)], CareSchedule.ReminderDays(moved, offsets, ReminderSchedule.Today(clock.GetUtcNow(), Shanghai)));
    }

    [Fact]
    public void CatchUpAMissedReminderForAWeekOnly()
    {
        var today = new DateOnly(2026, 3, 10);

        Assert.Equal([(0, new DateOnly(2026, 3, 4))], CareSchedule.ReminderDays(new DateOnly(2026, 3, 4), [0], today));
        Assert.Empty(CareSchedule.ReminderDays(new DateOnly(2026, 3, 2), [0], today));
        Assert.Equal([(7, new DateOnly(2026, 4, 9))], CareSchedule.ReminderDays(new DateOnly(2026, 4, 16), [30, 7], today).Where(d => d.Offset == 7));
    }

    [Fact]
    public void CountTheDayInTheTenantsZone()
    {
        // 17:00 UTC on 27 February is already 28 February in Shanghai, still the 27th at noon in New York.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 2, 27, 17, 0, 0, TimeSpan.Zero));
        var visit = CareSchedule.Visits(new DateOnly(2026, 1, 31), 1, new DateOnly(2026, 2, 1), new DateOnly(2026, 2, 28)).Single();

        var inShanghai = CareSchedule.ReminderDays(visit, [0], ReminderSchedule.Today(clock.GetUtcNow(), Shanghai)).Single();
        Assert.True(ReminderSchedule.DueAt(inShanghai.DueDate, Shanghai, null) <= clock.GetUtcNow());
        var inNewYork = CareSchedule.ReminderDays(visit, [0], ReminderSchedule.Today(clock.GetUtcNow(), NewYork)).Single();
        Assert.Equal(new DateTimeOffset(2026, 2, 28, 5, 0, 0, TimeSpan.Zero), ReminderSchedule.DueAt(inNewYork.DueDate, NewYork, null));
        Assert.True(ReminderSchedule.DueAt(inNewYork.DueDate, NewYork, null) > clock.GetUtcNow());
    }
}
