using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Visits end to end on the host: scheduling for the request's engineer, rescheduling that keeps the old visit, the messages
/// and warnings, the engineer's steps in order, and each tenant's visits kept to itself.
/// </summary>
public sealed class AppointmentsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });

    [Fact]
    public async Task ScheduleAVisitForTheRequestsEngineerAndPutItOnTheTimeline()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var engineer = await DemoEngineerAsync(scope);
        var request = await AssignedRequestAsync(scope, "Visit scheduled", engineer.UserId!);
        var day = book.Today.AddDays(3);

        var saved = await book.ScheduleAsync(request.Id, Input(day, 14, 16, "先电话联系"), Agent);
        var second = await book.ScheduleAsync(request.Id, Input(day, 9, 10), Agent);
        var visit = Assert.Single(await book.ForRequestAsync(request.Id));
        var timeline = await scope.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(request.Id);

        Assert.Equal(ActionStatus.Done, saved.Status);
        Assert.Equal(saved.AppointmentId, visit.Id);
        Assert.Equal((engineer.UserId, "Engineer", day, new TimeOnly(14, 0), new TimeOnly(16, 0)), (visit.EngineerId, visit.EngineerName, visit.Day, visit.From, visit.To));
        Assert.Equal((AppointmentStatus.Planned, VisitStep.Accept, "先电话联系", "Agent"), (visit.Status, visit.NextStep, visit.Note, visit.AgreedBy));
        Assert.Equal((ActionStatus.Conflict, "Appointment.AlreadyPlanned"), (second.Status, second.ErrorKey));
        Assert.Contains(timeline, e => e is { Kind: RequestEventKind.Appointment, Text: "Scheduled", By: "Agent" }
                                       && e.Details == $"{day:yyyy-MM-dd} 14:00–16:00 · Engineer");
    }

    [Fact]
    public async Task RescheduleByCancellingTheOldVisitWithItsReasonAndKeepingIt()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var engineer = await DemoEngineerAsync(scope);
        var request = await AssignedRequestAsync(scope, "Visit moved", engineer.UserId!);
        var first = (await book.ScheduleAsync(request.Id, Input(book.Today.AddDays(4), 9, 11), Agent)).AppointmentId!.Value;
        var loaded = (await book.GetAsync(first))!;

        var noReason = await book.RescheduleAsync(first, Input(book.Today.AddDays(5), 13, 15), loaded.ConcurrencyStamp, Agent);
        var stale = await book.RescheduleAsync(first, Input(book.Today.AddDays(5), 13, 15, reason: "客户改期"), "old", Agent);
        var moved = await book.RescheduleAsync(first, Input(book.Today.AddDays(5), 13, 15, reason: "客户改期"), loaded.ConcurrencyStamp, Dispatcher);
        var movedAgain = await book.RescheduleAsync(first, Input(book.Today.AddDays(6), 13, 15, reason: "again"), loaded.ConcurrencyStamp, Dispatcher);
        var visits = await book.ForRequestAsync(request.Id);
        var timeline = await scope.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(request.Id);

        Assert.Equal((ActionStatus.Invalid, "Validation.Reason"), (noReason.Status, noReason.Errors!["Reason"]));
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal(ActionStatus.Done, moved.Status);
        Assert.Equal(ActionStatus.Conflict, movedAgain.Status);
        Assert.Equal(2, visits.Count);
        Assert.Equal((AppointmentStatus.Planned, book.Today.AddDays(5), new TimeOnly(13, 0)), (visits[0].Status, visits[0].Day, visits[0].From));
        Assert.Equal((AppointmentStatus.Cancelled, "客户改期", "Dispatcher"), (visits[1].Status, visits[1].CancelReason, visits[1].CancelledBy));
        Assert.Contains(timeline, e => e is { Kind: RequestEventKind.Appointment, Text: "Rescheduled" } && e.Details!.EndsWith("\n客户改期", StringComparison.Ordinal));

        // Cancelling leaves no planned visit, so a new one can be agreed.
        var cancelNoReason = await book.CancelAsync(visits[0].Id, " ", visits[0].ConcurrencyStamp, Agent);
        var cancelled = await book.CancelAsync(visits[0].Id, "客户已自行修好", visits[0].ConcurrencyStamp, Agent);
        var again = await book.ScheduleAsync(request.Id, Input(book.Today.AddDays(7), 9, 10), Agent);

        Assert.Equal((ActionStatus.Invalid, "Validation.Reason"), (cancelNoReason.Status, cancelNoReason.ErrorKey));
        Assert.Equal(ActionStatus.Done, cancelled.Status);
        Assert.Equal(ActionStatus.Done, again.Status);
        Assert.Equal(1, (await book.ForRequestAsync(request.Id)).Count(v => v.Status == AppointmentStatus.Planned));
    }

    [Fact]
    public async Task RefuseAnIncompleteOrPastVisitAVisitWithoutAnEngineerAndOneAgreedByAnEngineer()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var engineer = await DemoEngineerAsync(scope);
        var request = await AssignedRequestAsync(scope, "Visit refused", engineer.UserId!);
        var waiting = await NewRequestAsync(scope, "Visit without engineer");

        var empty = await book.ScheduleAsync(request.Id, new AppointmentInput(), Agent);
        var past = await book.ScheduleAsync(request.Id, Input(book.Today.AddDays(-1), 9, 10), Agent);
        var backwards = await book.ScheduleAsync(request.Id, Input(book.Today, 11, 10), Agent);
        var tooLong = await book.ScheduleAsync(request.Id, Input(book.Today, 9, 10, new string('x', Appointment.NoteLength + 1)), Agent);
        var noEngineer = await book.ScheduleAsync(waiting.Id, Input(book.Today, 9, 10), Agent);
        var byEngineer = await book.ScheduleAsync(request.Id, Input(book.Today, 9, 10), engineer);
        var unknown = await book.ScheduleAsync(Guid.NewGuid(), Input(book.Today, 9, 10), Agent);
        // Today is allowed, even once the window's hours have passed.
        var today = await book.ScheduleAsync(request.Id, Input(book.Today, 0, 1), Agent);

        Assert.Equal(ActionStatus.Invalid, empty.Status);
        Assert.Equal(("Validation.Day", "Validation.Window"), (empty.Errors!["Day"], empty.Errors["Window"]));
        Assert.Equal("Validation.Past", past.Errors!["Day"]);
        Assert.Equal("Validation.WindowOrder", backwards.Errors!["Window"]);
        Assert.Equal("Validation.Note", tooLong.Errors!["Note"]);
        Assert.Equal("Validation.NoAssignee", noEngineer.Errors!["Engineer"]);
        Assert.Equal(ActionStatus.NotAllowed, byEngineer.Status);
        Assert.Equal(ActionStatus.NotFound, unknown.Status);
        Assert.Equal(ActionStatus.Done, today.Status);
        Assert.Empty(await book.WarningsAsync(request.Id, new AppointmentInput(), null));
    }

    [Fact]
    public async Task WarnButSaveAVisitOnTheEngineersDayOffOverCapacityAndOverlappingAnother()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var colleague = second == (await DemoEngineerAsync(scope)).UserId ? first : second;
        var day = book.Today.AddDays(9);
        var profiles = scope.ServiceProvider.GetRequiredService<EngineerProfiles>();
        var existing = (await profiles.GetAsync(colleague))!.Profile?.ConcurrencyStamp;
        Assert.Equal(DispatchSaveStatus.Saved, (await profiles.SaveAsync(colleague,
            new ProfileInput { WorkingDays = [.. EngineerDays.Week.Where(d => d != day.DayOfWeek)], CapacityPerDay = 1 }, existing)).Status);
        var morning = await AssignedRequestAsync(scope, "Morning visit", colleague);
        var clash = await AssignedRequestAsync(scope, "Clashing visit", colleague);

        var firstVisit = await book.ScheduleAsync(morning.Id, Input(day, 9, 11), Agent);
        var preview = await book.WarningsAsync(clash.Id, Input(day, 10, 12), null);
        var secondVisit = await book.ScheduleAsync(clash.Id, Input(day, 10, 12), Agent);
        var nextDay = await book.WarningsAsync(clash.Id, Input(day.AddDays(1), 10, 12), null);

        Assert.Equal([AppointmentWarnings.DayOff], firstVisit.Warnings!.Select(w => w.Key));
        Assert.Equal([AppointmentWarnings.DayOff, AppointmentWarnings.OverCapacity, AppointmentWarnings.Overlap], preview.Select(w => w.Key));
        Assert.Equal([morning.Number, "09:00–11:00"], preview[2].Values);
        Assert.Equal(ActionStatus.Done, secondVisit.Status);
        Assert.Equal(3, secondVisit.Warnings!.Count);
        Assert.Empty(nextDay);
    }

    [Fact]
    public async Task TakeTheVisitStepsInOrderOnlyByItsEngineerOrADispatcherAndLeaveTheWorkflowToTheReport()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var progress = scope.ServiceProvider.GetRequiredService<VisitProgress>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var engineer = await DemoEngineerAsync(scope);
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var colleague = new RequestActor(first == engineer.UserId ? second : first, "Colleague", new HashSet<string> { Roles.Engineer });
        var request = await AssignedRequestAsync(scope, "Visit steps", engineer.UserId!);
        var id = (await book.ScheduleAsync(request.Id, Input(book.Today, 8, 9), Agent)).AppointmentId!.Value;
        async Task<string> Stamp() => (await book.GetAsync(id))!.ConcurrencyStamp;

        var byColleague = await progress.TakeAsync(id, VisitStep.Accept, await Stamp(), colleague);
        var skipping = await progress.TakeAsync(id, VisitStep.Depart, await Stamp(), engineer);
        var accepted = await progress.TakeAsync(id, VisitStep.Accept, await Stamp(), engineer);
        var stale = await progress.TakeAsync(id, VisitStep.Depart, "old", engineer);
        var departed = await progress.TakeAsync(id, VisitStep.Depart, await Stamp(), Dispatcher);
        var byAgent = await progress.TakeAsync(id, VisitStep.Arrive, await Stamp(), Agent);
        var arrived = await progress.TakeAsync(id, VisitStep.Arrive, await Stamp(), engineer);
        var finished = await progress.TakeAsync(id, VisitStep.Finish, await Stamp(), engineer);
        var afterwards = await progress.TakeAsync(id, VisitStep.Finish, await Stamp(), engineer);
        var visit = (await book.GetAsync(id))!;
        var timeline = await desk.TimelineAsync(request.Id);

        Assert.Equal((ActionStatus.NotAllowed, "Step.NotYours"), (byColleague.Status, byColleague.ErrorKey));
        Assert.Equal((ActionStatus.NotAllowed, "Step.OutOfOrder"), (skipping.Status, skipping.ErrorKey));
        Assert.Equal(ActionStatus.Done, accepted.Status);
        Assert.Equal(ActionStatus.Conflict, stale.Status);
        Assert.Equal(ActionStatus.Done, departed.Status);
        Assert.Equal((ActionStatus.NotAllowed, "Step.NotYours"), (byAgent.Status, byAgent.ErrorKey));
        Assert.Equal(ActionStatus.Done, arrived.Status);
        Assert.Equal((ActionStatus.Done, request.Number), (finished.Status, finished.RequestNumber));
        Assert.Equal((ActionStatus.NotAllowed, "Step.VisitOver"), (afterwards.Status, afterwards.ErrorKey));
        Assert.Equal((AppointmentStatus.Done, null), (visit.Status, visit.NextStep));
        Assert.Equal([VisitStep.Accept, VisitStep.Depart, VisitStep.Arrive, VisitStep.Finish], visit.Steps.Select(s => s.Step));
        Assert.Equal(
            [("Accept", "Engineer"), ("Depart", "Dispatcher"), ("Arrive", "Engineer"), ("Finish", "Engineer")],
            timeline.Where(e => e is { Kind: RequestEventKind.Appointment } && e.Text != "Scheduled").Select(e => (e.Text!, e.By!)));
        // Finishing the visit is not the repair record: the request waits in its status for the work report.
        Assert.Equal(("Assigned", engineer.UserId), ((await desk.GetAsync(request.Number))!.Status, (await desk.GetAsync(request.Number))!.AssigneeId));
    }

    [Fact]
    public async Task ShowTheRequestsVisitWithScheduleButtonsForTheDeskAndTheNextStepForTheEngineer()
    {
        string scheduled, waiting;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var engineer = await DemoEngineerAsync(scope);
            var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
            var request = await AssignedRequestAsync(scope, "Visit on the page", engineer.UserId!);
            Assert.Equal(ActionStatus.Done, (await book.ScheduleAsync(request.Id, Input(book.Today.AddDays(2), 15, 17, "带梯子"), Agent)).Status);
            scheduled = request.Number;
            waiting = (await AssignedRequestAsync(scope, "Visit not yet agreed", engineer.UserId!)).Number;
        }

        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var engineerBrowser = factory.CreateBrowser();
        await engineerBrowser.LoginAsync("/t/demo", "engineer@demo.example");

        var (_, deskPage) = await agent.GetPageAsync($"/t/demo/requests/{scheduled}");
        var (_, deskWaiting) = await agent.GetPageAsync($"/t/demo/requests/{waiting}");
        var (_, engineerPage) = await engineerBrowser.GetPageAsync($"/t/demo/requests/{scheduled}");

        Assert.Contains("data-testid=\"appointment-reschedule\"", deskPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"appointment-cancel\"", deskPage, StringComparison.Ordinal);
        Assert.Contains("15:00–17:00", deskPage, StringComparison.Ordinal);
        Assert.Contains("带梯子", deskPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"visit-step-Accept\"", deskPage, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"appointment-schedule\"", deskWaiting, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"visit-step-Accept\"", engineerPage, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"appointment-reschedule\"", engineerPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallOffThePlannedVisitWhenTheRequestGoesToAnotherPersonOrIsCancelled()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<AppointmentBook>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var engineer = await DemoEngineerAsync(scope);
        var (first, second) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var other = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().FindAsync(first == engineer.UserId ? second : first))!;
        var moved = await AssignedRequestAsync(scope, "Visit of a reassigned request", engineer.UserId!);
        var ended = await AssignedRequestAsync(scope, "Visit of a cancelled request", engineer.UserId!);
        var movedVisit = (await book.ScheduleAsync(moved.Id, Input(book.Today.AddDays(2), 9, 11), Agent)).AppointmentId!.Value;
        var endedVisit = (await book.ScheduleAsync(ended.Id, Input(book.Today.AddDays(2), 14, 16), Agent)).AppointmentId!.Value;
        var untouched = await AssignedRequestAsync(scope, "Visit kept", engineer.UserId!);
        var keptVisit = (await book.ScheduleAsync(untouched.Id, Input(book.Today.AddDays(3), 9, 10), Agent)).AppointmentId!.Value;

        var reassigned = await scope.ServiceProvider.GetRequiredService<DispatchBoard>()
            .AssignAsync(RequestRef.Of((await desk.GetAsync(moved.Number))!), other.UserId, Dispatcher);
        var cancelled = await scope.ServiceProvider.GetRequiredService<RequestWorkflow>()
            .FireAsync(ended.Number, "Cancel", new Dictionary<string, string?>(), "客户取消", (await desk.GetAsync(ended.Number))!.ConcurrencyStamp, Agent);

        Assert.Equal((ActionStatus.Done, ActionStatus.Done), (reassigned.Status, cancelled.Status));
        var afterMove = (await book.GetAsync(movedVisit))!;
        var afterEnd = (await book.GetAsync(endedVisit))!;
        Assert.Equal((AppointmentStatus.Cancelled, "Dispatcher"), (afterMove.Status, afterMove.CancelledBy));
        Assert.Contains(other.Name, afterMove.CancelReason, StringComparison.Ordinal);
        Assert.Equal(AppointmentStatus.Cancelled, afterEnd.Status);
        Assert.False(string.IsNullOrEmpty(afterEnd.CancelReason));
        Assert.Equal(AppointmentStatus.Planned, (await book.GetAsync(keptVisit))!.Status);
        Assert.Contains(await desk.TimelineAsync(moved.Id), e => e is { Kind: RequestEventKind.Appointment, Text: VisitTimeline.Cancelled });
        Assert.Contains(await desk.TimelineAsync(ended.Id), e => e is { Kind: RequestEventKind.Appointment, Text: VisitTimeline.Cancelled });
        // The visit no longer holds the request, so the new assignee's visit can be agreed.
        Assert.Equal(ActionStatus.Done, (await book.ScheduleAsync(moved.Id, Input(book.Today.AddDays(4), 9, 11), Agent)).Status);
    }

    [Fact]
    public async Task FindNoVisitOfAnotherTenantByItsId()
    {
        Guid demoVisit;
        string demoStamp;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var book = demo.ServiceProvider.GetRequiredService<AppointmentBook>();
            var request = await AssignedRequestAsync(demo, "Visit of demo", (await DemoEngineerAsync(demo)).UserId!);
            demoVisit = (await book.ScheduleAsync(request.Id, Input(book.Today.AddDays(1), 10, 11), Agent)).AppointmentId!.Value;
            demoStamp = (await book.GetAsync(demoVisit))!.ConcurrencyStamp;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeBook = acme.ServiceProvider.GetRequiredService<AppointmentBook>();
        var acmeManager = new RequestActor("acme-manager", "Acme manager", new HashSet<string> { Roles.Manager });

        Assert.Null(await acmeBook.GetAsync(demoVisit));
        Assert.Equal(ActionStatus.NotFound, (await acme.ServiceProvider.GetRequiredService<VisitProgress>().TakeAsync(demoVisit, VisitStep.Accept, demoStamp, acmeManager)).Status);
        Assert.Equal(ActionStatus.NotFound, (await acmeBook.CancelAsync(demoVisit, "not ours", demoStamp, acmeManager)).Status);
        Assert.Equal(ActionStatus.NotFound, (await acmeBook.RescheduleAsync(demoVisit, Input(acmeBook.Today, 9, 10, reason: "x"), demoStamp, acmeManager)).Status);
        await using var check = await factory.TenantScopeAsync("demo");
        Assert.Equal(AppointmentStatus.Planned, (await check.ServiceProvider.GetRequiredService<AppointmentBook>().GetAsync(demoVisit))!.Status);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public void WordEveryVisitTextBuiltAtRunTimeInBothLanguages(string culture)
    {
        var schedule = factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ScheduleText>>();
        var service = factory.Services.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<ServiceText>>();
        var steps = Enum.GetNames<VisitStep>();
        string[] scheduleKeys =
        [
            .. steps.Select(s => $"Step.{s}"), .. steps.Select(s => $"Step.Done.{s}"), .. Enum.GetNames<AppointmentStatus>().Select(s => $"Appointment.Status.{s}"),
            .. new[] { VisitStep.Accept, VisitStep.Depart, VisitStep.Arrive }.Select(s => $"Progress.{s}"),
            AppointmentWarnings.DayOff, AppointmentWarnings.OverCapacity, AppointmentWarnings.Overlap,
            "Validation.Day", "Validation.Past", "Validation.Window", "Validation.WindowOrder", "Validation.Note", "Validation.Reason", "Validation.NoAssignee",
            "Step.NotYours", "Step.OutOfOrder", "Step.VisitOver", "Appointment.AlreadyPlanned", "Appointment.RequestClosed",
            "Appointment.CalledOffClosed", "Appointment.CalledOffReassigned", "Appointment.CalledOffUnassigned",
        ];
        string[] timelineKeys = [.. new[] { VisitTimeline.Scheduled, VisitTimeline.Rescheduled, VisitTimeline.Cancelled }.Concat(steps).Select(k => $"Event.Appointment.{k}")];
        var previous = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(culture);
        try
        {
            Assert.DoesNotContain(scheduleKeys, k => schedule[k].ResourceNotFound);
            Assert.DoesNotContain(timelineKeys, k => service[k].ResourceNotFound);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = previous;
        }
    }

    internal static AppointmentInput Input(DateOnly day, int from, int to, string? note = null, string? reason = null) =>
        new() { Day = day, From = new TimeOnly(from, 0), To = new TimeOnly(to, 0), Note = note, Reason = reason };

    internal static async Task<RequestActor> DemoEngineerAsync(AsyncServiceScope scope)
    {
        var engineer = (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer)).Single(e => e.Email?.StartsWith("engineer@", StringComparison.Ordinal) == true);
        return new RequestActor(engineer.UserId, engineer.Name, new HashSet<string> { Roles.Engineer });
    }

    internal static async Task<RequestDetail> NewRequestAsync(AsyncServiceScope scope, string subject, string? serialNumber = null)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var result = await desk.CreateAsync(new RequestInput
        {
            ServiceTypeId = type, CustomerCode = serialNumber is null ? (tenant == "demo" ? "C1001" : "AC-501") : null, SerialNumber = serialNumber, Subject = subject,
        }, Agent);
        Assert.Equal(RequestSaveStatus.Saved, result.Status);
        return (await desk.GetAsync(result.Number!))!;
    }

    internal static async Task<RequestDetail> AssignedRequestAsync(AsyncServiceScope scope, string subject, string engineerId, string? serialNumber = null)
    {
        var request = await NewRequestAsync(scope, subject, serialNumber);
        var assigned = await scope.ServiceProvider.GetRequiredService<DispatchBoard>().AssignAsync(RequestRef.Of(request), engineerId, Dispatcher);
        Assert.Equal(ActionStatus.Done, assigned.Status);
        return (await scope.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(request.Number))!;
    }
}
