using AfterSales.Modules.Products;
using AfterSales.Modules.Reminders;

namespace AfterSales.Modules.Tests.Reminders;

// The database-side condition must never keep out a unit the planner would give a reminder: checked here against the planner's own
// schedule, for every in-service day of several years, on days around month ends and leap days.
public sealed class CareReachShould
{
    // With the window ending on a short month's last day (22 January, 24 October) the month-end clamp matters.
    private static readonly DateOnly[] Todays = [new(2026, 11, 24), new(2027, 1, 22), new(2026, 10, 24), new(2028, 1, 23), new(2027, 1, 31), new(2028, 2, 29), new(2026, 12, 31)];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(6)]
    [InlineData(12)]
    [InlineData(24)]
    public void LetThroughEveryUnitWithAMaintenanceVisitInTheWindow(int interval)
    {
        var rule = new ReminderRule { Kind = ReminderKind.MaintenancePlan, OffsetDays = "7, 1", IntervalMonths = interval };
        foreach (var today in Todays)
        {
            var earliest = today.AddYears(-5);
            var reach = CareReach.Filter([rule], [], today, earliest)!.Compile();
            var from = today.AddDays(-ReminderSchedule.CatchUpDays);
            var until = today.AddDays(ReminderSchedule.HorizonDays + 7);
            var passed = 0;
            for (var start = earliest; start <= today; start = start.AddDays(1))
            {
                var wanted = CareSchedule.Visits(start, interval, from, until).Any();
                var let = reach(new SerialNumber { WarrantyStart = start });
                Assert.True(!wanted || let, $"{start} every {interval} months, today {today}");
                passed += let ? 1 : 0;
            }

            // It narrows: a plan visiting twice a year reaches about a quarter of the units in a 44-day window.
            if (interval >= 6)
            {
                Assert.InRange(passed, 1, (today.DayNumber - earliest.DayNumber) / 2);
            }
        }
    }

    [Fact]
    public void LetThroughEveryUnitWhoseFirstConsumableIsDueInTheWindowAndOnlyOfItsModels()
    {
        var model = Guid.NewGuid();
        var other = Guid.NewGuid();
        var rule = new ReminderRule { Kind = ReminderKind.ConsumableReplacement, OffsetDays = "14", ProductModelIds = [model, other] };
        ModelConsumable[] consumables = [new() { ProductModelId = model, LifetimeDays = 180 }, new() { ProductModelId = model, LifetimeDays = 365 }, new() { ProductModelId = other, LifetimeDays = 90 }];
        foreach (var today in Todays)
        {
            var earliest = today.AddYears(-3);
            var reach = CareReach.Filter([rule], consumables, today, earliest)!.Compile();
            for (var start = earliest; start <= today; start = start.AddDays(1))
            {
                foreach (var unitModel in new[] { model, other })
                {
                    var wanted = consumables.Where(c => c.ProductModelId == unitModel)
                        .Any(c => CareSchedule.ReminderDays(CareSchedule.ReplacementDue(start, null, c.LifetimeDays)!.Value, [14], today).Any());
                    Assert.True(!wanted || reach(new SerialNumber { ProductModelId = unitModel, PurchaseDate = start }), $"{start}, today {today}");
                }
            }

            // A unit of a model the rule does not name is not read, whatever its dates.
            Assert.False(reach(new SerialNumber { ProductModelId = Guid.NewGuid(), PurchaseDate = today.AddDays(-180) }));
            Assert.True(reach(new SerialNumber { ProductModelId = model, PurchaseDate = today.AddDays(-180) }));
        }
    }

    [Fact]
    public void ReadEveryUnitWhenItCannotNarrow()
    {
        var today = new DateOnly(2026, 11, 24);
        var monthly = new ReminderRule { Kind = ReminderKind.MaintenancePlan, OffsetDays = "7", IntervalMonths = 2 };

        // No unit in service yet, or a plan every two months over decades: more ranges than are worth asking.
        Assert.Null(CareReach.Filter([monthly], [], today, null));
        Assert.Null(CareReach.Filter([monthly], [], today, today.AddYears(-30)));
        Assert.NotNull(CareReach.Filter([monthly], [], today, today.AddYears(-5)));
        // Windows longer than the interval overlap and merge into one range.
        Assert.Single(CareReach.VisitStarts(1, today.AddDays(-7), today.AddDays(37), today.AddYears(-20))!);
    }
}
