using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Scheduling;

namespace AfterSales.Modules.Tests.Scheduling;

/// <summary>A visit's steps go in order and end it; the warnings a dispatcher sees before agreeing one.</summary>
public sealed class AppointmentShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // A Saturday.
    private static readonly DateOnly Saturday = new(2026, 11, 28);
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 1, 0, 0, TimeSpan.Zero);

    [Fact]
    public void TakeTheStepsInOrderOnlyAndEndTheVisitOnFinishing()
    {
        var visit = new Appointment { PlannedRequestId = Guid.NewGuid() };

        Assert.False(visit.Take(VisitStep.Arrive, Now));
        Assert.True(visit.Take(VisitStep.Accept, Now));
        Assert.False(visit.Take(VisitStep.Accept, Now.AddMinutes(1)));
        Assert.True(visit.Take(VisitStep.Depart, Now.AddMinutes(10)));
        Assert.False(visit.Take(VisitStep.Finish, Now.AddMinutes(20)));
        Assert.True(visit.Take(VisitStep.Arrive, Now.AddMinutes(40)));
        Assert.Equal(VisitStep.Finish, visit.NextStep);
        Assert.True(visit.Take(VisitStep.Finish, Now.AddMinutes(100)));

        Assert.Equal(AppointmentStatus.Done, visit.Status);
        Assert.Null(visit.NextStep);
        Assert.Null(visit.PlannedRequestId);
        Assert.Equal([VisitStep.Accept, VisitStep.Depart, VisitStep.Arrive, VisitStep.Finish], visit.StepsTaken.Select(s => s.Step));
        Assert.Equal(Now.AddMinutes(40), visit.ArrivedAt);
        Assert.False(visit.Cancel("too late", "Agent", Now));
    }

    [Fact]
    public void CancelAPlannedVisitWithItsReasonAndFreeTheRequestForANewOne()
    {
        var visit = new Appointment { PlannedRequestId = Guid.NewGuid() };
        var stamp = visit.ConcurrencyStamp;

        Assert.True(visit.Cancel("客户临时出差", "Agent", Now));

        Assert.Equal((AppointmentStatus.Cancelled, "客户临时出差", "Agent"), (visit.Status, visit.CancelReason, visit.CancelledBy));
        Assert.Null(visit.PlannedRequestId);
        Assert.Null(visit.NextStep);
        Assert.NotEqual(stamp, visit.ConcurrencyStamp);
        Assert.False(visit.Take(VisitStep.Accept, Now));
    }

    [Fact]
    public void WarnOfADayOffAFullDayAndEachOverlappingVisit()
    {
        var profile = new EngineerProfile { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday], CapacityPerDay = 2 };
        var window = Window(10, 12);
        Booked[] booked = [new("SR-20261128-0002", 11, 13), new("SR-20261128-0001", 9, 10), new("SR-20261128-0003", 8, 11)];

        var warnings = AppointmentWarnings.For(Saturday, window, profile, [.. booked.Select(b => b.Visit)]);

        Assert.Equal(
            [AppointmentWarnings.DayOff, AppointmentWarnings.OverCapacity, AppointmentWarnings.Overlap, AppointmentWarnings.Overlap],
            warnings.Select(w => w.Key));
        Assert.Equal([4, 2], warnings[1].Values);
        // Earliest clash first; the visit that ends as this one starts does not clash.
        Assert.Equal(["SR-20261128-0003", "08:00–11:00"], warnings[2].Values);
        Assert.Equal("SR-20261128-0002", warnings[3].Values[0]);
    }

    [Fact]
    public void WarnOfNothingForAnEngineerWithoutAProfileOnAFreeSlot()
    {
        Assert.Empty(AppointmentWarnings.For(Saturday, Window(9, 10), null, [new Booked("SR-1", 10, 11).Visit]));
        Assert.Empty(AppointmentWarnings.For(Saturday, Window(9, 10), new EngineerProfile { WorkingDays = [DayOfWeek.Saturday], CapacityPerDay = 2 },
            [new Booked("SR-1", 10, 11).Visit]));
    }

    private static VisitWindow Window(int from, int to) => VisitWindow.InZone(Saturday, new TimeOnly(from, 0), new TimeOnly(to, 0), Shanghai);

    private sealed record Booked(string Number, int From, int To)
    {
        public BookedVisit Visit => new(Number, Window(From, To), new TimeOnly(From, 0), new TimeOnly(To, 0));
    }
}
