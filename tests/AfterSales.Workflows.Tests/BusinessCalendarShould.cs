using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;

namespace AfterSales.Workflows.Tests;

public sealed class BusinessCalendarShould
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Mon–Fri 09:00–12:00 and 13:00–18:00 in Shanghai; 2026-10-01..07 National Day, Sunday 2026-09-27 and
    // Saturday 2026-10-10 are make-up working days.
    private static readonly BusinessCalendar Office = new(
        "Asia/Shanghai",
        [.. new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .SelectMany(d => new WorkingHours[] { new(d, new(9, 0), new(12, 0)), new(d, new(13, 0), new(18, 0)) })],
        holidays: [.. Enumerable.Range(1, 7).Select(d => new DateOnly(2026, 10, d))],
        makeUpDays: [new(new DateOnly(2026, 9, 27), DayOfWeek.Monday), new(new DateOnly(2026, 10, 10), DayOfWeek.Friday)]);

    private static DateTimeOffset At(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, Beijing);

    [Theory]
    [InlineData(3, 2, 9, 0, 2, 3, 2, 11, 0)]    // inside the morning
    [InlineData(3, 2, 11, 0, 2, 3, 2, 14, 0)]   // over lunch
    [InlineData(3, 2, 17, 0, 2, 3, 3, 10, 0)]   // over night
    [InlineData(3, 6, 17, 0, 2, 3, 9, 10, 0)]   // Friday evening to Monday
    [InlineData(3, 7, 10, 0, 1, 3, 9, 10, 0)]   // starting on Saturday
    [InlineData(3, 2, 20, 0, 8, 3, 3, 18, 0)]   // a whole day, ending on the dot of closing time
    [InlineData(3, 2, 10, 0, 0, 3, 2, 10, 0)]   // nothing to add
    public void AddBusinessHours(int month, int day, int hour, int minute, int hours, int dueMonth, int dueDay, int dueHour, int dueMinute)
    {
        Assert.Equal(At(dueMonth, dueDay, dueHour, dueMinute), Office.AddBusinessTime(At(month, day, hour, minute), TimeSpan.FromHours(hours)));
    }

    [Fact]
    public void SkipHolidaysAndWorkOnMakeUpDays()
    {
        // Wednesday 30 September 17:00 + 2h: one hour that day, then the holiday week, then Thursday 8th 10:00.
        Assert.Equal(At(10, 8, 10), Office.AddBusinessTime(At(9, 30, 17), TimeSpan.FromHours(2)));

        // Saturday 26 September + 1h lands on Sunday 27th, a make-up day.
        Assert.Equal(At(9, 27, 10), Office.AddBusinessTime(At(9, 26, 12), TimeSpan.FromHours(1)));
        Assert.True(Office.IsWorkingTime(At(10, 10, 9, 30)));
        Assert.False(Office.IsWorkingTime(At(10, 2, 10)));
    }

    [Fact]
    public void MeasureBusinessTimeBetweenInstants()
    {
        Assert.Equal(TimeSpan.FromHours(8), Office.BusinessTimeBetween(At(3, 2, 0), At(3, 3, 0)));
        Assert.Equal(TimeSpan.FromHours(40), Office.BusinessTimeBetween(At(3, 2, 0), At(3, 9, 0)));
        Assert.Equal(TimeSpan.FromMinutes(90), Office.BusinessTimeBetween(At(3, 2, 11, 30), At(3, 2, 14, 0)));
        Assert.Equal(TimeSpan.Zero, Office.BusinessTimeBetween(At(3, 7, 9), At(3, 8, 18)));
        Assert.Equal(TimeSpan.Zero, Office.BusinessTimeBetween(At(3, 3, 0), At(3, 2, 0)));
        // 30 September, then the holiday week, then Thursday 8th, Friday 9th and the make-up Saturday 10th.
        Assert.Equal(TimeSpan.FromHours(8 * 4), Office.BusinessTimeBetween(At(9, 30, 0), At(10, 11, 0)));
    }

    [Fact]
    public void AgreeWithItselfBothWays()
    {
        var start = At(9, 25, 15, 17);
        for (var minutes = 0; minutes < 60 * 40; minutes += 97)
        {
            var due = Office.AddBusinessTime(start, TimeSpan.FromMinutes(minutes));
            Assert.Equal(TimeSpan.FromMinutes(minutes), Office.BusinessTimeBetween(start, due));
        }
    }

    [Fact]
    public void CountANightShiftAcrossMidnight()
    {
        var nights = new BusinessCalendar("Asia/Shanghai",
        [
            new(DayOfWeek.Monday, new(22, 0), TimeOnly.MinValue),
            new(DayOfWeek.Tuesday, TimeOnly.MinValue, new(6, 0)),
        ]);

        Assert.Equal(At(3, 3, 1), nights.AddBusinessTime(At(3, 2, 23), TimeSpan.FromHours(2)));
        Assert.Equal(TimeSpan.FromHours(8), nights.BusinessTimeBetween(At(3, 2, 12), At(3, 3, 12)));
        Assert.Equal(At(3, 10, 4), nights.AddBusinessTime(At(3, 3, 5), TimeSpan.FromHours(7)));
    }

    [Fact]
    public void FollowTheTenantsTimeZoneIncludingDaylightSaving()
    {
        var berlin = new BusinessCalendar("Europe/Berlin", [new(DayOfWeek.Sunday, new(0, 0), TimeOnly.MinValue), new(DayOfWeek.Monday, new(9, 0), new(17, 0))]);

        // 29 March 2026: clocks go from 02:00 to 03:00, so that Sunday has 23 hours.
        var sunday = new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1));
        Assert.Equal(TimeSpan.FromHours(23), berlin.BusinessTimeBetween(sunday, sunday.AddDays(1)));
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 10, 0, 0, TimeSpan.FromHours(2)), berlin.AddBusinessTime(sunday, TimeSpan.FromHours(24)));
        Assert.Equal(new DateOnly(2026, 3, 30), berlin.LocalDate(new DateTimeOffset(2026, 3, 29, 23, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void MoveATimeSkippedByDaylightSavingForward()
    {
        var berlin = new BusinessCalendar("Europe/Berlin", [new(DayOfWeek.Sunday, new(2, 30), new(4, 0))]);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 3, 30, 0, TimeSpan.FromHours(2)), berlin.ToInstant(new DateOnly(2026, 3, 29), new TimeSpan(2, 30, 0)));
        Assert.Equal(TimeSpan.FromMinutes(30), berlin.BusinessTimeBetween(new DateTimeOffset(2026, 3, 29, 0, 0, 0, TimeSpan.FromHours(1)), new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.FromHours(2))));
    }

    [Fact]
    public void RejectCalendarsThatCannotWork()
    {
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("Mars/Olympus", [new(DayOfWeek.Monday, new(9, 0), new(17, 0))]));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", []));
        Assert.Throws<ArgumentException>(() => new BusinessCalendar("UTC", [new(DayOfWeek.Monday, new(17, 0), new(9, 0))]));
        Assert.Throws<ArgumentOutOfRangeException>(() => Office.AddBusinessTime(At(3, 2, 9), TimeSpan.FromHours(-1)));
    }

    [Fact]
    public void RoundTripThroughJson()
    {
        var json = System.Text.Json.JsonSerializer.Serialize(Office, WorkflowJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<BusinessCalendar>(json, WorkflowJson.Options)!;

        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(back, WorkflowJson.Options));
        Assert.Equal(Office.AddBusinessTime(At(9, 30, 17), TimeSpan.FromHours(2)), back.AddBusinessTime(At(9, 30, 17), TimeSpan.FromHours(2)));
        Assert.Contains("\"timeZoneId\": \"Asia/Shanghai\"", json);
    }
}
