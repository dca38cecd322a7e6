using AfterSales.Modules.Scheduling;

namespace AfterSales.Modules.Tests.Scheduling;

/// <summary>What stops a visit from being agreed: each problem named on its field.</summary>
public sealed class AppointmentRulesShould
{
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public void AcceptAVisitForTodayEvenAtAnHourThatHasPassed() =>
        Assert.Empty(AppointmentRules.Check(Input(Today, 0, 1), "engineer", Today, moving: false));

    [Fact]
    public void NameEachMissingOrWrongField()
    {
        var empty = AppointmentRules.Check(new AppointmentInput(), null, Today, moving: true);
        var wrong = AppointmentRules.Check(Input(Today.AddDays(-1), 11, 10, new string('x', Appointment.NoteLength + 1), " "), "engineer", Today, moving: true);

        Assert.Equal(
            new Dictionary<string, string> { ["Day"] = "Validation.Day", ["Window"] = "Validation.Window", ["Reason"] = "Validation.Reason", ["Engineer"] = "Validation.NoAssignee" },
            empty);
        Assert.Equal(
            new Dictionary<string, string> { ["Day"] = "Validation.Past", ["Window"] = "Validation.WindowOrder", ["Note"] = "Validation.Note", ["Reason"] = "Validation.Reason" },
            wrong);
    }

    [Fact]
    public void AskForAReasonOnlyWhenAVisitIsMoved()
    {
        Assert.Empty(AppointmentRules.Check(Input(Today, 9, 10), "engineer", Today, moving: false));
        Assert.Empty(AppointmentRules.Check(Input(Today, 9, 10, reason: "客户改期"), "engineer", Today, moving: true));
        Assert.Equal(["Reason"], AppointmentRules.Check(Input(Today, 9, 10), "engineer", Today, moving: true).Keys);
    }

    private static AppointmentInput Input(DateOnly day, int from, int to, string? note = null, string? reason = null) =>
        new() { Day = day, From = new TimeOnly(from, 0), To = new TimeOnly(to, 0), Note = note, Reason = reason };
}
