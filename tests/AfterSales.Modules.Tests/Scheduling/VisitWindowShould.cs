using AfterSales.Modules.Scheduling;

namespace AfterSales.Modules.Tests.Scheduling;

/// <summary>A visit's window: the tenant's wall-clock times stored as UTC instants, and which windows clash.</summary>
public sealed class VisitWindowShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
    private static readonly TimeZoneInfo Berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
    private static readonly DateOnly Day = new(2026, 11, 25);

    [Fact]
    public void StoreTheTenantsWallClockAsUtc()
    {
        var window = VisitWindow.InZone(Day, new TimeOnly(9, 0), new TimeOnly(11, 30), Shanghai);

        Assert.Equal(new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 11, 25, 3, 30, 0, TimeSpan.Zero), window.End);
        Assert.Equal(TimeSpan.Zero, window.Start.Offset);
        Assert.Equal(new TimeOnly(9, 0), VisitWindow.LocalTime(window.Start, Shanghai));
    }

    [Fact]
    public void ReadAnEarlyMorningVisitOnTheTenantsDayNotTheServers()
    {
        // 07:00 in Shanghai is the evening before in UTC.
        var window = VisitWindow.InZone(Day, new TimeOnly(7, 0), new TimeOnly(8, 0), Shanghai);

        Assert.Equal(new DateOnly(2026, 11, 24), DateOnly.FromDateTime(window.Start.UtcDateTime));
        Assert.Equal(new TimeOnly(7, 0), VisitWindow.LocalTime(window.Start, Shanghai));
    }

    [Fact]
    public void TakeTheStandardOffsetForATimeTheClocksSkipInsteadOfFailing()
    {
        // Europe/Berlin skips 02:00–03:00 on 2026-03-29.
        var window = VisitWindow.InZone(new DateOnly(2026, 3, 29), new TimeOnly(2, 30), new TimeOnly(4, 0), Berlin);

        Assert.Equal(new DateTimeOffset(2026, 3, 29, 1, 30, 0, TimeSpan.Zero), window.Start);
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 2, 0, 0, TimeSpan.Zero), window.End);
    }

    [Theory]
    [InlineData(9, 11, 10, 12, true)]
    [InlineData(9, 11, 9, 11, true)]
    [InlineData(9, 12, 10, 11, true)]
    [InlineData(9, 10, 10, 11, false)]
    [InlineData(13, 14, 9, 11, false)]
    public void OverlapOnlyWhenTheyShareTime(int from, int to, int otherFrom, int otherTo, bool overlaps)
    {
        var window = VisitWindow.InZone(Day, new TimeOnly(from, 0), new TimeOnly(to, 0), Shanghai);
        var other = VisitWindow.InZone(Day, new TimeOnly(otherFrom, 0), new TimeOnly(otherTo, 0), Shanghai);

        Assert.Equal(overlaps, window.Overlaps(other));
        Assert.Equal(overlaps, other.Overlaps(window));
    }
}
