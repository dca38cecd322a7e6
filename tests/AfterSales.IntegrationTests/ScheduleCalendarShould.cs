using System.Globalization;
using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.AppointmentsShould;

namespace AfterSales.IntegrationTests;

/// <summary>The calendar: the team's week for the desk, an engineer's own by default, and never another tenant's visits.</summary>
public sealed class ScheduleCalendarShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task ShowTheDeskTheTeamsWeekWithDaysOffAndAnEngineerTheirOwnRowByDefault()
    {
        string number, engineerId, colleague, week;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
            var calendar = scope.ServiceProvider.GetRequiredService<TeamCalendar>();
            var engineer = await DemoEngineerAsync(scope);
            engineerId = engineer.UserId!;
            var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
            colleague = first == engineerId ? second : first;
            var day = book.Today.AddDays(7);
            week = CalendarWeek.Of(day).Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var profiles = scope.ServiceProvider.GetRequiredService<EngineerProfiles>();
            Assert.Equal(DispatchSaveStatus.Saved, (await profiles.SaveAsync(colleague,
                new ProfileInput { WorkingDays = [DayOfWeek.Monday, DayOfWeek.Tuesday], CapacityPerDay = 3 }, (await profiles.GetAsync(colleague))!.Profile?.ConcurrencyStamp)).Status);
            var request = await AssignedRequestAsync(scope, "On the calendar", engineerId);
            Assert.Equal(ActionStatus.Done, (await book.ScheduleAsync(request.Id, Input(day, 13, 15), Agent)).Status);
            number = request.Number;

            var team = (await calendar.WeekAsync(day, null, Agent))!;
            var own = (await calendar.WeekAsync(day, engineerId, engineer))!;
            var entry = team.Rows.Single(r => r.Engineer.UserId == engineerId).Days.Single(d => d.Day == day).Entries.Single(e => e.RequestNumber == number);

            Assert.Equal(CalendarWeek.Of(day), team.Week);
            Assert.Contains(team.Rows, r => r.Engineer.UserId == colleague);
            Assert.Equal(("华东机电设备有限公司", "华东区 工业园 1 号", new TimeOnly(13, 0), new TimeOnly(15, 0)), (entry.CustomerName, entry.Address, entry.From, entry.To));
            Assert.Equal([false, false, true, true, true, true, true], team.Rows.Single(r => r.Engineer.UserId == colleague).Days.Select(d => d.IsDayOff));
            Assert.Equal([engineerId], own.Rows.Select(r => r.Engineer.UserId));
            Assert.Null(await calendar.WeekAsync(day, null, RequestActor.System));
        }

        var dispatcher = factory.CreateBrowser();
        await dispatcher.LoginAsync("/t/demo", "dispatcher@demo.example");
        var engineerBrowser = factory.CreateBrowser();
        await engineerBrowser.LoginAsync("/t/demo", "engineer@demo.example");

        var (_, teamHtml) = await dispatcher.GetPageAsync($"/t/demo/calendar?week={week}");
        var (_, ownHtml) = await engineerBrowser.GetPageAsync($"/t/demo/calendar?week={week}");
        var (_, allHtml) = await engineerBrowser.GetPageAsync($"/t/demo/calendar?week={week}&engineer=all");

        Assert.Contains($"calendar-entry-{number}", teamHtml, StringComparison.Ordinal);
        Assert.Contains($"calendar-row-{colleague}", teamHtml, StringComparison.Ordinal);
        Assert.Contains("as-day-off", teamHtml, StringComparison.Ordinal);
        Assert.Contains($"calendar-entry-{number}", ownHtml, StringComparison.Ordinal);
        Assert.DoesNotContain($"calendar-row-{colleague}", ownHtml, StringComparison.Ordinal);
        Assert.Contains($"calendar-row-{colleague}", allHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeepOneTenantsVisitsOutOfAnotherTenantsCalendar()
    {
        string number, engineerId;
        DateOnly day;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var book = demo.ServiceProvider.GetRequiredService<AppointmentBook>();
            engineerId = (await DemoEngineerAsync(demo)).UserId!;
            var request = await AssignedRequestAsync(demo, "Demo's own visit", engineerId);
            day = book.Today.AddDays(1);
            Assert.Equal(ActionStatus.Done, (await book.ScheduleAsync(request.Id, Input(day, 9, 10), Agent)).Status);
            number = request.Number;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var calendar = acme.ServiceProvider.GetRequiredService<TeamCalendar>();
        var acmeAgent = new RequestActor("acme-agent", "Acme agent", new HashSet<string> { Roles.Agent });
        var team = (await calendar.WeekAsync(day, null, acmeAgent))!;
        var byDemoEngineer = (await calendar.WeekAsync(day, engineerId, acmeAgent))!;
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/acme", "agent@acme.example");
        var week = CalendarWeek.Of(day).Monday.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var (own, ownHtml) = await browser.GetPageAsync($"/t/acme/calendar?week={week}&engineer={engineerId}");
        var foreign = await browser.GetAsync($"/t/demo/calendar?week={week}");

        Assert.DoesNotContain(team.Entries, e => e.RequestNumber == number);
        Assert.DoesNotContain(team.Rows, r => r.Engineer.UserId == engineerId);
        Assert.Empty(byDemoEngineer.Entries);
        Assert.Empty(byDemoEngineer.Rows);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.DoesNotContain(number, ownHtml, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, foreign.StatusCode);
    }
}
