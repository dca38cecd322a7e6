using AfterSales.Modules.Scheduling;

namespace AfterSales.Modules.Tests.Scheduling;

/// <summary>The calendar's week: Monday first, engineers as rows with their days off, visits in time order.</summary>
public sealed class CalendarWeekShould
{
    // Monday 23 to Sunday 29 November 2026.
    private static readonly DateOnly Monday = new(2026, 11, 23);

    [Theory]
    [InlineData(2026, 11, 23)]
    [InlineData(2026, 11, 26)]
    [InlineData(2026, 11, 29)]
    public void StartOnTheMondayOfAnyDayOfTheWeek(int year, int month, int day)
    {
        var week = CalendarWeek.Of(new DateOnly(year, month, day));

        Assert.Equal(Monday, week.Monday);
        Assert.Equal(new DateOnly(2026, 11, 29), week.Sunday);
        Assert.Equal(7, week.Days.Count);
        Assert.Equal(new DateOnly(2026, 11, 16), week.Previous.Monday);
        Assert.Equal(new DateOnly(2026, 11, 30), week.Next.Monday);
    }

    [Fact]
    public void PutEachVisitInItsEngineersRowAndDayByStartTimeAndShadeDaysOff()
    {
        var week = CalendarWeek.Of(Monday);
        var li = new CalendarEngineer("li", "李工", [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday]);
        var wang = new CalendarEngineer("wang", "王工", null);
        CalendarEntry[] entries =
        [
            Entry("SR-3", "li", Monday, 14),
            Entry("SR-1", "li", Monday, 9),
            Entry("SR-2", "wang", Monday.AddDays(5), 10),
            Entry("SR-9", "li", Monday.AddDays(7), 9),
            Entry("SR-5", "zhao", Monday.AddDays(1), 8, "赵工（已离职）"),
        ];

        var rows = week.Rows([li, wang], entries);

        Assert.Equal(["li", "wang", "zhao"], rows.Select(r => r.Engineer.UserId));
        Assert.Equal(["SR-1", "SR-3"], rows[0].Days[0].Entries.Select(e => e.RequestNumber));
        Assert.All(rows[0].Days.Skip(1), d => Assert.DoesNotContain(d.Entries, e => e.RequestNumber == "SR-9"));
        Assert.Equal([false, false, false, false, false, true, true], rows[0].Days.Select(d => d.IsDayOff));
        Assert.All(rows[1].Days, d => Assert.False(d.IsDayOff));
        Assert.Equal("SR-2", Assert.Single(rows[1].Days[5].Entries).RequestNumber);
        Assert.Equal("赵工（已离职）", rows[2].Engineer.Name);
    }

    [Fact]
    public void ListEveryDayOfTheWeekForTheNarrowScreenEvenWithoutVisits()
    {
        var agenda = CalendarWeek.Of(Monday).Agenda([Entry("SR-2", "wang", Monday, 11), Entry("SR-1", "li", Monday, 9)]);

        Assert.Equal(7, agenda.Count);
        Assert.Equal(["SR-1", "SR-2"], agenda[0].Entries.Select(e => e.RequestNumber));
        Assert.All(agenda.Skip(1), d => Assert.Empty(d.Entries));
    }

    private static CalendarEntry Entry(string number, string engineer, DateOnly day, int hour, string? name = null) =>
        new(Guid.NewGuid(), Guid.NewGuid(), number, "subject", "customer", "address", engineer, name ?? engineer, day, new TimeOnly(hour, 0), new TimeOnly(hour + 1, 0),
            AppointmentStatus.Planned, VisitStep.Accept);
}
