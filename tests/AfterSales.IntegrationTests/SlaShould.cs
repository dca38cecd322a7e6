using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Sla;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>SLA targets per type and priority, counted in the tenant's business hours; open requests retargeted without losing time counted.</summary>
public sealed class SlaShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Admin = new("admin-id", "Admin", new HashSet<string> { Roles.TenantAdmin });

    private static readonly IReadOnlyList<WorkingHours> OneHourADay =
        [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(10, 0)))];

    [Fact]
    public async Task MeasureARequestByItsPriorityTargetInTheTenantsWorkingHours()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var sla = scope.ServiceProvider.GetRequiredService<SlaBook>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var (_, stamp) = await sla.HoursAsync();
        Assert.Equal(SlaSaveStatus.Saved, (await sla.SaveHoursAsync(OneHourADay, stamp)).Status);
        var targets = await sla.SaveTargetsAsync(type.Id,
        [
            new TargetCell(SlaClockKind.Resolution, null, 72 * 60),
            new TargetCell(SlaClockKind.Resolution, RequestPriority.Urgent, 120),
            new TargetCell(SlaClockKind.FirstResponse, null, 30),
        ], type.ConcurrencyStamp);
        Assert.Equal(SlaSaveStatus.Saved, targets.Status);

        var urgent = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "急修", Priority = RequestPriority.Urgent }, Agent)).Number!;
        var normal = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "普通", Priority = RequestPriority.Normal }, Agent)).Number!;
        var urgentRequest = (await desk.GetAsync(urgent))!;
        var state = (await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().StateAsync(urgentRequest.Id, Agent))!;

        // Two business hours at one a day lie more than a calendar day after the request was taken, inside 09:00–10:00 Shanghai time.
        var calendar = new BusinessCalendar("Asia/Shanghai", OneHourADay);
        var due = urgentRequest.DueAt!.Value;
        Assert.True(due - urgentRequest.CreatedAt > TimeSpan.FromDays(1), $"due {due:O} taken {urgentRequest.CreatedAt:O}");
        Assert.Equal(TimeSpan.FromHours(2), calendar.BusinessTimeBetween(urgentRequest.CreatedAt, due));
        Assert.InRange(TimeZoneInfo.ConvertTime(due, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).TimeOfDay, TimeSpan.FromHours(9), TimeSpan.FromHours(10));
        Assert.Equal(TimeSpan.FromHours(72), calendar.BusinessTimeBetween((await desk.GetAsync(normal))!.CreatedAt, (await desk.GetAsync(normal))!.DueAt!.Value));
        Assert.Contains(state.Clocks, c => c.Kind == SlaClockKind.FirstResponse && c.DueAt is not null);
        Assert.DoesNotContain(state.Clocks, c => c.Kind == SlaClockKind.Assignment);
    }

    [Fact]
    public async Task KeepTimeCountedAndPausesWhenOpenRequestsTakeNewTargets()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var sla = scope.ServiceProvider.GetRequiredService<SlaBook>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var db = scope.ServiceProvider.GetRequiredService<AfterSales.Host.Data.AppDbContext>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("REMOTE"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "AC-501", Subject = "Paused" }, Agent)).Number!;
        var request = (await desk.GetAsync(number))!;
        Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "Hold", new Dictionary<string, string?>(), null, request.ConcurrencyStamp, Agent)).Status);
        var before = Resolution(await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == request.Id));

        var saved = await sla.SaveTargetsAsync(type.Id, [new TargetCell(SlaClockKind.Resolution, null, 5 * 60)], type.ConcurrencyStamp);
        var (retargeted, skipped) = await workflow.RetargetOpenAsync(Admin);

        var after = Resolution(await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == request.Id));
        var paused = (await desk.GetAsync(number))!;
        Assert.Equal(SlaSaveStatus.Saved, saved.Status);
        Assert.True(retargeted >= 1);
        Assert.Equal(0, skipped);
        Assert.Equal(TimeSpan.FromHours(24), before.Target);
        Assert.Equal(TimeSpan.FromHours(5), after.Target);
        Assert.Equal(before.Accrued, after.Accrued);
        Assert.Equal(before.Pauses, after.Pauses);
        Assert.Equal(SlaClockState.Paused, after.State);
        Assert.Null(paused.DueAt);
        Assert.Equal(5, (await db.ServiceTypes.AsNoTracking().SingleAsync(t => t.Id == type.Id)).SlaHours);

        Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "Resume", new Dictionary<string, string?>(), null, paused.ConcurrencyStamp, Agent)).Status);
        var resumed = (await desk.GetAsync(number))!;
        var running = Resolution(await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == request.Id));
        Assert.Equal(SlaClockState.Running, running.State);
        // The column keeps milliseconds.
        Assert.True((running.RunningSince!.Value + (TimeSpan.FromHours(5) - running.Accrued) - resumed.DueAt!.Value).Duration() < TimeSpan.FromMilliseconds(1));
    }

    [Fact]
    public async Task RefuseOverlappingHoursAndBadHolidayLinesSavingNothing()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var sla = scope.ServiceProvider.GetRequiredService<SlaBook>();
        var (periods, stamp) = await sla.HoursAsync();
        var overlap = await sla.SaveHoursAsync(
            [new WorkingHours(DayOfWeek.Monday, new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(DayOfWeek.Monday, new TimeOnly(11, 0), new TimeOnly(13, 0)),
             new WorkingHours(DayOfWeek.Tuesday, new TimeOnly(18, 0), new TimeOnly(9, 0))], stamp);
        var stale = await sla.SaveHoursAsync(SlaBook.OfficeHours, "not-the-stamp");
        var import = await sla.ImportHolidaysAsync("2031-10-01,国庆节\n2031-13-01,坏日期\n2031-10-02,\n2031-10-01,again\n2031-10-11,国庆调休,maybe");
        var good = await sla.ImportHolidaysAsync("# 2031\n2031-10-01,国庆节\n2031-10-11，国庆调休，上班\n");
        var wrongTarget = await sla.SaveTargetsAsync(null, [new TargetCell(SlaClockKind.Assignment, null, 0), new TargetCell(SlaClockKind.Resolution, null, 90)], null);
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!;
        var fractional = await sla.SaveTargetsAsync(type.Id, [new TargetCell(SlaClockKind.Resolution, null, 90)], type.ConcurrencyStamp);
        var days = await sla.HolidaysAsync(2031);

        Assert.Equal(SlaSaveStatus.Invalid, overlap.Status);
        Assert.Equal("Sla.Validation.Overlap", overlap.Errors!["Monday"]);
        Assert.Equal("Sla.Validation.EmptyPeriod", overlap.Errors!["Tuesday"]);
        Assert.Equal(SlaSaveStatus.Conflict, stale.Status);
        Assert.Equal(periods, (await sla.HoursAsync()).Periods);
        Assert.Equal(0, import.Imported);
        Assert.Equal([(2, "Sla.Validation.Date"), (3, "Sla.Validation.Name"), (4, "Sla.Validation.DateTwice"), (5, "Sla.Validation.Kind")],
            import.Errors.Select(e => (e.Line, e.Error)));
        Assert.Equal(2, good.Imported);
        Assert.Equal([(new DateOnly(2031, 10, 1), (DayOfWeek?)null), (new DateOnly(2031, 10, 11), DayOfWeek.Monday)], days.Select(d => (d.Date, d.WorksAs)));
        Assert.Equal(SlaSaveStatus.Invalid, wrongTarget.Status);
        Assert.Equal(["Assignment:*"], wrongTarget.Errors!.Keys);
        Assert.Equal("Sla.Validation.WholeHours", fractional.Errors!["Resolution:*"]);
    }

    [Fact]
    public async Task KeepEachTenantsCalendarAndTargetsToItself()
    {
        Guid demoHoliday;
        Guid demoType;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var sla = demo.ServiceProvider.GetRequiredService<SlaBook>();
            await sla.SaveHolidayAsync(new HolidayInput { Date = new DateOnly(2032, 1, 1), Name = "元旦" });
            demoHoliday = (await sla.HolidaysAsync(2032)).Single().Id;
            demoType = (await demo.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!.Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeSla = acme.ServiceProvider.GetRequiredService<SlaBook>();
        var deleted = await acmeSla.DeleteHolidayAsync(demoHoliday);
        var foreignType = await acmeSla.SaveTargetsAsync(demoType, [new TargetCell(SlaClockKind.Resolution, null, 60)], null);
        var acmeDays = await acmeSla.HolidaysAsync(2032);

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var (page, html) = await admin.GetPageAsync("/t/demo/admin/sla");
        var asAgent = await agent.GetAsync("/t/demo/admin/sla");

        Assert.False(deleted);
        Assert.Equal(SlaSaveStatus.NotFound, foreignType.Status);
        Assert.Empty(acmeDays);
        await using var check = await factory.TenantScopeAsync("demo");
        Assert.Single(await check.ServiceProvider.GetRequiredService<SlaBook>().HolidaysAsync(2032));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("sla-targets", html, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, asAgent.StatusCode);
    }

    private static SlaClock Resolution(AfterSales.Modules.Workflow.WorkflowInstanceRecord record) =>
        WorkflowJson.DeserializeInstance(record.Json).Clock(SlaClockKind.Resolution)!;
}
