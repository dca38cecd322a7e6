using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.IntegrationTests.AppointmentsShould;

namespace AfterSales.IntegrationTests;

/// <summary>The engineer's day on the phone: their own visits in window order, then their requests still without a visit.</summary>
public sealed class MyWorkShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task ListTheSignedInEngineersVisitsOfTheDayInWindowOrderThenTheirRequestsWithoutOne()
    {
        string afternoon, morning, colleagues, unscheduled, tomorrow;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
            var work = scope.ServiceProvider.GetRequiredService<MyWork>();
            var engineer = await DemoEngineerAsync(scope);
            var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
            var colleague = first == engineer.UserId ? second : first;
            var today = book.Today;
            var a = await AssignedRequestAsync(scope, "My work afternoon", engineer.UserId!, "KT35-2024-0001");
            var b = await AssignedRequestAsync(scope, "My work morning", engineer.UserId!);
            var c = await AssignedRequestAsync(scope, "My work colleague", colleague);
            var d = await AssignedRequestAsync(scope, "My work unscheduled", engineer.UserId!);
            var e = await AssignedRequestAsync(scope, "My work tomorrow", engineer.UserId!);
            await book.ScheduleAsync(a.Id, Input(today, 14, 16), Agent);
            await book.ScheduleAsync(b.Id, Input(today, 9, 10), Agent);
            await book.ScheduleAsync(c.Id, Input(today, 10, 11), Agent);
            await book.ScheduleAsync(e.Id, Input(today.AddDays(1), 9, 10), Agent);
            (afternoon, morning, colleagues, unscheduled, tomorrow) = (a.Number, b.Number, c.Number, d.Number, e.Number);

            var day = (await work.DayAsync(today, engineer))!;
            var next = (await work.DayAsync(today.AddDays(1), engineer))!;
            var yesterday = (await work.DayAsync(today.AddDays(-1), engineer))!;
            var card = day.Visits.Single(v => v.Number == afternoon);
            var history = await work.HistoryAsync(card);

            Assert.Equal([morning, afternoon], day.Visits.Select(v => v.Number));
            Assert.Contains(unscheduled, day.Unscheduled.Select(u => u.Number));
            Assert.DoesNotContain(tomorrow, day.Unscheduled.Select(u => u.Number));
            Assert.DoesNotContain(day.Unscheduled, u => u.Number == colleagues || u.Number == morning);
            Assert.Equal([tomorrow], next.Visits.Select(v => v.Number));
            Assert.Empty(yesterday.Unscheduled);
            Assert.Equal(("KT35-2024-0001", "KT-35", "华东机电设备有限公司", "华东区 工业园 1 号"), (card.SerialNumber, card.ModelCode, card.CustomerName, card.Address));
            Assert.NotNull(card.Warranty);
            Assert.Equal((new TimeOnly(14, 0), VisitStep.Accept), (card.Visit!.From, card.Visit.NextStep));
            Assert.InRange(history.Count, 1, MyWork.HistorySize);
            Assert.Contains(history, r => r.Subject == "空调不制冷，室外机不启动");
            Assert.DoesNotContain(history, r => r.Number == afternoon);
            Assert.Null(await work.DayAsync(today, RequestActor.System));
        }

        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "engineer@demo.example");
        var (response, html) = await browser.GetPageAsync("/t/demo/my-work");
        var other = factory.CreateBrowser();
        await other.LoginAsync("/t/demo", "engineer2@demo.example");
        var (_, colleagueHtml) = await other.GetPageAsync("/t/demo/my-work");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(html.IndexOf($"work-card-{morning}", StringComparison.Ordinal) is var m and >= 0 && m < html.IndexOf($"work-card-{afternoon}", StringComparison.Ordinal));
        Assert.True(html.IndexOf($"work-card-{afternoon}", StringComparison.Ordinal) < html.IndexOf($"work-card-{unscheduled}", StringComparison.Ordinal));
        Assert.DoesNotContain(colleagues, html, StringComparison.Ordinal);
        Assert.DoesNotContain($"work-card-{tomorrow}", html, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-step-Accept\"", html, StringComparison.Ordinal);
        Assert.Contains($"work-card-{colleagues}", colleagueHtml, StringComparison.Ordinal);
        Assert.DoesNotContain(morning, colleagueHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SayWhenTheDayHasNoVisits()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "engineer@demo.example");

        var (_, html) = await browser.GetPageAsync("/t/demo/my-work?day=2020-01-01");

        Assert.Contains("data-testid=\"my-work-empty\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"my-work-unscheduled\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("engineer@demo.example", true)]
    [InlineData("agent@demo.example", false)]
    [InlineData("manager@demo.example", false)]
    public async Task LandEngineersOnMyWorkAndTheDeskOnTheDashboard(string user, bool toMyWork)
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", user);

        var response = await browser.GetAsync("/t/demo/");

        Assert.Equal(toMyWork, Http.RedirectPath(response)?.EndsWith("/my-work", StringComparison.Ordinal) == true);
        Assert.Equal(toMyWork ? HttpStatusCode.Redirect : HttpStatusCode.OK, response.StatusCode);
    }
}
