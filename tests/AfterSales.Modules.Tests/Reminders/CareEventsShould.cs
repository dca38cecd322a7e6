using AfterSales.Modules.Reminders;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Modules.Tests.Reminders;

public sealed class CareEventsShould
{
    private static readonly TimeZoneInfo Shanghai = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    [Fact]
    public void GreetALeapDayBirthdayOnThe28thInOtherYears()
    {
        var birthday = new DateOnly(1988, 2, 29);

        Assert.Equal(new DateOnly(2027, 2, 28), CareEvents.Occurrence(birthday, 2027));
        Assert.Equal(new DateOnly(2028, 2, 29), CareEvents.Occurrence(birthday, 2028));
        var greetings = CareEvents.Yearly(birthday, [0], new DateOnly(2027, 2, 10), anniversary: false).ToList();
        Assert.Equal([(0, new DateOnly(2027, 2, 28), new DateOnly(2027, 2, 28))], greetings);
    }

    [Fact]
    public void GreetOncePerYearWithinTheHorizonAcrossTheTurnOfTheYear()
    {
        // 20 December: a 5 January birthday greeted a week ahead falls in next year's window, last year's is long past.
        var greetings = CareEvents.Yearly(new DateOnly(1980, 1, 5), [7, 0], new DateOnly(2026, 12, 20), anniversary: false).ToList();

        Assert.Equal([(7, new DateOnly(2026, 12, 29), new DateOnly(2027, 1, 5)), (0, new DateOnly(2027, 1, 5), new DateOnly(2027, 1, 5))], greetings);
        Assert.Empty(CareEvents.Yearly(new DateOnly(1980, 6, 1), [7, 0], new DateOnly(2026, 12, 20), anniversary: false));
    }

    [Fact]
    public void StartAnniversariesOneYearAfterThePurchase()
    {
        var bought = new DateOnly(2026, 12, 25);

        // Bought five days ago: the purchase day itself is no anniversary.
        Assert.Empty(CareEvents.Yearly(bought, [0], new DateOnly(2026, 12, 30), anniversary: true));
        Assert.Equal([(3, new DateOnly(2027, 12, 22), new DateOnly(2027, 12, 25))], CareEvents.Yearly(bought, [3], new DateOnly(2027, 12, 1), anniversary: true).ToList());
    }

    [Fact]
    public void PlanFollowUpsDaysAfterTheEventWithinTheWindow()
    {
        var today = new DateOnly(2026, 12, 1);

        // 7 days after the purchase is within the horizon; 90 days after is not yet; one missed 5 days ago is caught up.
        Assert.Equal([(7, new DateOnly(2026, 12, 5))], CareEvents.After(new DateOnly(2026, 11, 28), [90, 7], today).ToList());
        Assert.Equal([(3, new DateOnly(2026, 11, 26))], CareEvents.After(new DateOnly(2026, 11, 23), [3], today).ToList());
        Assert.Empty(CareEvents.After(new DateOnly(2026, 10, 1), [3], today));
    }

    [Fact]
    public void CountAClosingDayAndADueTimeInTheTenantsZone()
    {
        // Closed at 23:30 on 30 November in Shanghai, 15:30 UTC: the follow-up three days later is due on 3 December there.
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 15, 30, 0, TimeSpan.Zero));
        var closedOn = CareEvents.LocalDay(clock.GetUtcNow(), Shanghai);
        Assert.Equal(new DateOnly(2026, 11, 30), closedOn);
        var (_, due) = Assert.Single(CareEvents.After(closedOn, [3], ReminderSchedule.Today(clock.GetUtcNow(), Shanghai)));
        Assert.Equal(new DateOnly(2026, 12, 3), due);

        // A birthday greeting waits out the quiet hours of the morning: 09:00 Shanghai, 01:00 UTC.
        var quiet = new QuietHours(new TimeOnly(21, 0), new TimeOnly(9, 0));
        Assert.Equal(new DateTimeOffset(2026, 12, 3, 1, 0, 0, TimeSpan.Zero), ReminderSchedule.DueAt(due, Shanghai, quiet));
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 3, 0, 30, 0, TimeSpan.Zero));
        Assert.True(ReminderSchedule.NotQuiet(clock.GetUtcNow(), Shanghai, quiet) > clock.GetUtcNow());
    }

    [Fact]
    public void CheckTheNewKindsRules()
    {
        var birthday = CareEvents.NewInput(ReminderKind.Birthday);
        birthday.Name = "Birthday";
        Assert.Empty(ReminderRules.Validate(birthday));
        birthday.OffsetDays = "31";
        Assert.Contains(nameof(ReminderRuleInput.OffsetDays), ReminderRules.Validate(birthday).Keys);

        // A follow-up tells nobody unless asked: the task is what it does. It never addresses the customer.
        var followUp = CareEvents.NewInput(ReminderKind.FollowUpAfterClose);
        followUp.Name = "Call back";
        followUp.StaffRole = null;
        followUp.InApp = false;
        Assert.Empty(ReminderRules.Validate(followUp));
        followUp.ToCustomer = true;
        Assert.Equal("Reminders.Validation.FollowUpAudience", ReminderRules.Validate(followUp)[nameof(ReminderRuleInput.StaffRole)]);

        // The robot channel needs its robot; SMS reaches the customer as e-mail does.
        var warranty = ReminderRules.NewInput();
        warranty.Name = "Warranty";
        warranty.Email = false;
        warranty.Sms = true;
        warranty.Robot = true;
        Assert.Equal("Reminders.Validation.Robot", ReminderRules.Validate(warranty)[nameof(ReminderRuleInput.RobotEndpointId)]);
        warranty.RobotEndpointId = Guid.NewGuid();
        Assert.Empty(ReminderRules.Validate(warranty));
        Assert.Contains("{{years}}", CareEvents.NewInput(ReminderKind.PurchaseAnniversary).BodyEn);
        Assert.Empty(ReminderRules.UnknownPlaceholders(CareEvents.NewInput(ReminderKind.PurchaseAnniversary).BodyZh, ReminderKind.PurchaseAnniversary));
    }
}
