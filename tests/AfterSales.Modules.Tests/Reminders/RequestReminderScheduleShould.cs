using AfterSales.Modules.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Modules.Tests.Reminders;

public sealed class RequestReminderScheduleShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 4, 0, 0, TimeSpan.Zero); // 12:00 in Shanghai

    [Theory]
    [InlineData(ReminderKind.RequestDueSoon, "24, 4", new[] { 24, 4 })]
    [InlineData(ReminderKind.RequestOverdue, "0, 24", new[] { 24, 0 })]
    [InlineData(ReminderKind.RequestNoResponse, "3，7", new[] { 7, 3 })]
    public void ReadOffsetsInTheUnitOfTheKind(ReminderKind kind, string text, int[] expected) => Assert.Equal(expected, ReminderKinds.ParseOffsets(kind, text));

    [Theory]
    [InlineData(ReminderKind.RequestDueSoon, "0")]
    [InlineData(ReminderKind.RequestDueSoon, "169")]
    [InlineData(ReminderKind.RequestOverdue, "-1")]
    [InlineData(ReminderKind.RequestNoResponse, "91")]
    [InlineData(ReminderKind.WarrantyExpiry, "0")]
    public void RefuseOffsetsOutOfTheKindsRange(ReminderKind kind, string text) => Assert.Null(ReminderKinds.ParseOffsets(kind, text));

    [Fact]
    public void PlanDueSoonHoursBeforeTheDeadlineWhileItIsAhead()
    {
        var clock = new FakeTimeProvider(Noon);
        var deadline = Noon.AddHours(30);
        var open = new RequestStanding(true, deadline, null);

        // 24 h before is 6 h from now; 4 h before is within the lookahead too.
        Assert.Equal([(24, deadline, Noon.AddHours(6)), (4, deadline, Noon.AddHours(26))], RequestReminderSchedule.Planned(ReminderKind.RequestDueSoon, [24, 4], open, clock.GetUtcNow()));
        // A request taken 2 h before its deadline still hears of it, at once.
        Assert.Equal([(4, Noon.AddHours(2), Noon.AddHours(-2))], RequestReminderSchedule.Planned(ReminderKind.RequestDueSoon, [4], open with { Deadline = Noon.AddHours(2) }, clock.GetUtcNow()));

        clock.Advance(TimeSpan.FromHours(31));
        Assert.Empty(RequestReminderSchedule.Planned(ReminderKind.RequestDueSoon, [24, 4], open, clock.GetUtcNow()));
        Assert.False(RequestReminderSchedule.Holds(ReminderKind.RequestDueSoon, deadline, open, clock.GetUtcNow()));
    }

    [Fact]
    public void PlanOverdueAfterTheDeadlineAndCatchUpAMissedOneButNotAWeekOld()
    {
        var deadline = Noon.AddHours(-3);
        var open = new RequestStanding(true, deadline, null);

        Assert.Equal([(24, deadline, deadline.AddHours(24)), (0, deadline, deadline)], RequestReminderSchedule.Planned(ReminderKind.RequestOverdue, [24, 0], open, Noon));
        var weekLater = Noon.AddDays(ReminderSchedule.CatchUpDays + 1);
        Assert.Empty(RequestReminderSchedule.Planned(ReminderKind.RequestOverdue, [24, 0], open, weekLater));
    }

    [Fact]
    public void NoLongerHoldWhenTheRequestMovesOn()
    {
        var deadline = Noon.AddHours(-3);
        var open = new RequestStanding(true, deadline, null);

        Assert.True(RequestReminderSchedule.Holds(ReminderKind.RequestOverdue, deadline, open, Noon));
        Assert.False(RequestReminderSchedule.Holds(ReminderKind.RequestOverdue, deadline, open with { IsOpen = false }, Noon));
        Assert.False(RequestReminderSchedule.Holds(ReminderKind.RequestOverdue, deadline, open with { Deadline = deadline.AddDays(1) }, Noon));
        // Waiting on the customer pauses the SLA: no overdue reminder counts then.
        Assert.False(RequestReminderSchedule.Holds(ReminderKind.RequestOverdue, deadline, open with { WaitingSince = Noon.AddHours(-1) }, Noon));
    }

    [Fact]
    public void CountTheDaysARequestWaitsOnItsCustomer()
    {
        var since = Noon.AddDays(-4);
        var waiting = new RequestStanding(true, null, since);

        Assert.Equal([(3, since, since.AddDays(3))], RequestReminderSchedule.Planned(ReminderKind.RequestNoResponse, [3], waiting, Noon));
        // Answered and back to work, then waiting again: a new spell with its own reminder.
        var again = waiting with { WaitingSince = Noon };
        Assert.False(RequestReminderSchedule.Holds(ReminderKind.RequestNoResponse, since, again, Noon));
        Assert.Equal([(3, Noon, Noon.AddDays(3))], RequestReminderSchedule.Planned(ReminderKind.RequestNoResponse, [3], again, Noon.AddDays(1)));
        Assert.Empty(RequestReminderSchedule.Planned(ReminderKind.RequestNoResponse, [3], waiting with { WaitingSince = null }, Noon));
    }

    [Fact]
    public void PlanTheSameReminderAfterARestartSoTheUniqueKeyKeepsItToOne()
    {
        var clock = new FakeTimeProvider(Noon);
        var open = new RequestStanding(true, Noon.AddHours(-1), null);
        var before = RequestReminderSchedule.Planned(ReminderKind.RequestOverdue, [0], open, clock.GetUtcNow()).ToList();
        clock.Advance(TimeSpan.FromHours(5)); // the host was down; the next scan plans again
        var after = RequestReminderSchedule.Planned(ReminderKind.RequestOverdue, [0], open, clock.GetUtcNow()).ToList();

        Assert.Equal(before.Select(p => (p.Offset, p.Basis)), after.Select(p => (p.Offset, p.Basis)));
    }

    [Fact]
    public void TakeTheEndOfTheRequestedDateInTheTenantsZoneWithoutAnSla()
    {
        // 1 December ends at 16:00 UTC in Shanghai.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero), RequestReminderPlanner.Deadline(null, new DateOnly(2026, 12, 1), Shanghai));
        Assert.Equal(Noon, RequestReminderPlanner.Deadline(Noon.ToOffset(TimeSpan.FromHours(8)), new DateOnly(2026, 12, 1), Shanghai));
        Assert.Null(RequestReminderPlanner.Deadline(null, null, Shanghai));
    }

    [Fact]
    public void MoveADueSoonReminderPastTheQuietHours()
    {
        var night = new QuietHours(new TimeOnly(22, 0), new TimeOnly(7, 0));
        // Deadline 09:00 Shanghai, 8 h before is 01:00: it waits until 07:00 (23:00 UTC the day before).
        var deadline = new DateTimeOffset(2026, 12, 2, 1, 0, 0, TimeSpan.Zero);
        var due = RequestReminderSchedule.DueAt(ReminderKind.RequestDueSoon, 8, deadline);
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 23, 0, 0, TimeSpan.Zero), ReminderSchedule.NotQuiet(due, Shanghai, night));
    }
}
