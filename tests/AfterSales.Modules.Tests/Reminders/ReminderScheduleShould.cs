using AfterSales.Modules.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Modules.Tests.Reminders;

public sealed class ReminderScheduleShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly QuietHours Night = new(new TimeOnly(21, 0), new TimeOnly(8, 0));

    [Theory]
    [InlineData("30, 7", new[] { 30, 7 })]
    [InlineData("7,30，7", new[] { 30, 7 })]
    [InlineData("365 1", new[] { 365, 1 })]
    public void ReadOffsetsLargestFirst(string text, int[] expected) => Assert.Equal(expected, ReminderSchedule.ParseOffsets(text));

    [Theory]
    [InlineData("")]
    [InlineData("0")]
    [InlineData("366")]
    [InlineData("-7")]
    [InlineData("7.5")]
    [InlineData("1,2,3,4,5,6")]
    public void RefuseOffsetsOutOfRange(string text) => Assert.Null(ReminderSchedule.ParseOffsets(text));

    [Fact]
    public void PlanEachOffsetWithinTheNext30DaysWhileTheWarrantyLasts()
    {
        var today = new DateOnly(2026, 12, 1);
        int[] offsets = [30, 7];

        Assert.Equal([(30, today), (7, today.AddDays(23))], ReminderSchedule.DueDates(today.AddDays(30), offsets, today));
        // The 7-day reminder of a unit leaving in 60 days is past the horizon: planned on a later day.
        Assert.Equal([(30, today.AddDays(30))], ReminderSchedule.DueDates(today.AddDays(60), offsets, today));
        Assert.Empty(ReminderSchedule.DueDates(today.AddDays(-1), offsets, today));
        Assert.Empty(ReminderSchedule.DueDates(null, offsets, today));
    }

    [Fact]
    public void CatchUpAMissedDayButNotAMonthOld()
    {
        var today = new DateOnly(2026, 12, 1);

        // Registered (or the scan down) 2 days after the 7-day reminder's day: it is still sent; the 30-day one, 25 days late, is not.
        Assert.Equal([(7, today.AddDays(-2))], ReminderSchedule.DueDates(today.AddDays(5), [30, 7], today));
        Assert.Equal([(7, today.AddDays(-ReminderSchedule.CatchUpDays))], ReminderSchedule.DueDates(today.AddDays(7 - ReminderSchedule.CatchUpDays), [7], today));
        Assert.Empty(ReminderSchedule.DueDates(today.AddDays(6 - ReminderSchedule.CatchUpDays), [7], today));
    }

    [Fact]
    public void CountDaysAndDueTimesInTheTenantsZone()
    {
        // 17:00 UTC on 30 November is already 1 December in Shanghai.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 17, 0, 0, TimeSpan.Zero));

        Assert.Equal(new DateOnly(2026, 12, 1), ReminderSchedule.Today(clock.GetUtcNow(), Shanghai));
        Assert.Equal(new DateOnly(2026, 11, 30), ReminderSchedule.Today(clock.GetUtcNow(), TimeZoneInfo.Utc));
        // Due at the start of the tenant's day, kept in UTC.
        var dueAt = ReminderSchedule.DueAt(new DateOnly(2026, 12, 1), Shanghai, null);
        Assert.Equal(new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero), dueAt);
        Assert.Equal(TimeSpan.Zero, dueAt.Offset);
        Assert.True(dueAt <= clock.GetUtcNow());
    }

    [Fact]
    public void WaitForTheQuietHoursToEnd()
    {
        // Midnight falls in 21:00–08:00: due at 08:00 Shanghai time, 00:00 UTC.
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), ReminderSchedule.DueAt(new DateOnly(2026, 12, 1), Shanghai, Night));

        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 13, 30, 0, TimeSpan.Zero)); // 21:30 in Shanghai
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, Night));
        clock.Advance(TimeSpan.FromHours(8)); // 05:30 the next morning
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero), ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, Night));
        clock.Advance(TimeSpan.FromHours(3)); // 08:30
        Assert.Equal(clock.GetUtcNow(), ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, Night));

        // Quiet hours within one day (a lunch break) end the same day.
        var lunch = new QuietHours(new TimeOnly(12, 0), new TimeOnly(14, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 6, 0, 0, TimeSpan.Zero), ReminderSchedule.NotQuiet(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero), Shanghai, lunch));
        Assert.False(lunch.Contains(new TimeOnly(14, 0)));
        Assert.True(Night.Contains(new TimeOnly(0, 0)));
    }

    [Fact]
    public void SendAReminderMissedForDaysAtTheFirstScanOutsideQuietHours()
    {
        var dueAt = ReminderSchedule.DueAt(new DateOnly(2026, 12, 1), Shanghai, Night);
        // The host was down for three days and comes back at 23:00: the reminder is overdue but waits for the morning, not dropped.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 4, 15, 0, 0, TimeSpan.Zero));
        Assert.True(dueAt < clock.GetUtcNow());
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 0, 0, 0, TimeSpan.Zero), ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, Night));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 5, 0, 5, 0, TimeSpan.Zero));
        Assert.Equal(clock.GetUtcNow(), ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, Night));
    }

    [Fact]
    public void CheckRulesLikeTheNotificationTemplates()
    {
        var input = ReminderRules.NewInput();
        input.Name = "Warranty";
        Assert.Empty(ReminderRules.Validate(input));

        input.OffsetDays = "400";
        input.BodyEn = "Dear {{customer}}, {{number}} ends";
        input.ToCustomer = false;
        input.QuietUntil = null;
        Assert.Equal(["BodyEn", "OffsetDays", "QuietFrom", "StaffRole"], ReminderRules.Validate(input).Keys.Order());
        Assert.Equal(["number"], ReminderRules.UnknownPlaceholders(input.BodyEn));

        input = ReminderRules.NewInput();
        input.Name = "In-app to a customer";
        input.Email = false;
        input.InApp = true;
        Assert.Equal("Reminders.Validation.CustomerByEmail", ReminderRules.Validate(input)["Email"]);
    }
}
