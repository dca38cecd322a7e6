using System.Net;
using System.Text.RegularExpressions;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The signed-in customer's requests: submitted through the staff's desk, only their own visible, replies in the staff timeline.</summary>
public sealed partial class PortalRequestsShould(PortalFactory factory) : IClassFixture<PortalFactory>
{
    [Fact]
    public async Task SubmitARequestOnThePortalChannelForTheCustomersOwnRecord()
    {
        await factory.CreateAccountAsync("demo", "C1001", "submit@customer.example");
        var customer = await factory.SignedInCustomerAsync("demo", "submit@customer.example");

        var number = await SubmitAsync(customer, "Printer jams");
        var (page, html) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("Printer jams", html, StringComparison.Ordinal);
        await using var scope = await factory.TenantScopeAsync("demo");
        var request = await scope.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(number);
        Assert.Equal(RequestChannels.Portal, request!.Channel);
        Assert.Equal("C1001", request.CustomerCode);
    }

    [Fact]
    public async Task ListOnlyTheCustomersOwnRequestsAndAnswer404ForOthers()
    {
        await factory.CreateAccountAsync("demo", "C1002", "mine@customer.example");
        await factory.CreateAccountAsync("demo", "C1003", "theirs@customer.example");
        await factory.CreateAccountAsync("acme", "AC-501", "acme@customer.example");
        var mine = await factory.SignedInCustomerAsync("demo", "mine@customer.example");
        var theirs = await factory.SignedInCustomerAsync("demo", "theirs@customer.example");
        var acme = await factory.SignedInCustomerAsync("acme", "acme@customer.example");

        var myNumber = await SubmitAsync(mine, "Mine");
        var theirNumber = await SubmitAsync(theirs, "Theirs");
        var (_, myList) = await mine.GetPageAsync("/t/demo/portal/requests");

        Assert.Contains(myNumber, myList, StringComparison.Ordinal);
        Assert.DoesNotContain(theirNumber, myList, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.GetAsync($"/t/demo/portal/requests/{theirNumber}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/t/acme/portal/requests/{myNumber}")).StatusCode);
        // Demo's customer is nobody at acme's portal: sent to sign in there.
        Assert.StartsWith("/t/acme/portal/signin", Http.RedirectPath(await mine.GetAsync("/t/acme/portal/requests")), StringComparison.Ordinal);
        // Nor does a staff member of demo see the customer pages.
        var staff = factory.CreateBrowser();
        await staff.LoginAsync("/t/demo", "agent@demo.example");
        Assert.StartsWith("/t/demo/portal/signin", Http.RedirectPath(await staff.GetAsync($"/t/demo/portal/requests/{myNumber}")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ShowTheCustomersReplyInTheStaffTimelineAndKeepInternalNotesFromThem()
    {
        await factory.CreateAccountAsync("demo", "C1004", "reply@customer.example");
        var customer = await factory.SignedInCustomerAsync("demo", "reply@customer.example");
        var number = await SubmitAsync(customer, "Noisy fan");
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            await scope.ServiceProvider.GetRequiredService<RequestDesk>().CommentAsync(number, "Internal: check stock first", isPublic: false,
                new RequestActor("staff", "Agent", new HashSet<string>()));
        }

        var (reply, _) = await customer.PostFormAsync($"/t/demo/portal/requests/{number}", "portal-reply", new Dictionary<string, string> { ["Reply.Text"] = "It got worse today" });
        var (_, page) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");

        Assert.Equal(HttpStatusCode.Redirect, reply.StatusCode);
        Assert.Contains("It got worse today", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Internal: check stock first", page, StringComparison.Ordinal);
        await using var staffScope = await factory.TenantScopeAsync("demo");
        var desk = staffScope.ServiceProvider.GetRequiredService<RequestDesk>();
        var timeline = await desk.TimelineAsync((await desk.GetAsync(number))!.Id);
        var entry = Assert.Single(timeline, e => e.Text == "It got worse today");
        Assert.True(entry.IsPublic);
        Assert.Equal("reply@customer.example", entry.By);
    }

    [Fact]
    public async Task ReopenARequestClosedThisWeekAsAPublicCommentWithHigherPriorityButNotAnOlderOne()
    {
        await factory.CreateAccountAsync("demo", "C1005", "reopen@customer.example");
        var customer = await factory.SignedInCustomerAsync("demo", "reopen@customer.example");
        var recent = await SubmitAsync(customer, "Still leaking");
        var old = await SubmitAsync(customer, "Old one");
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await CloseAsync(recent, now.AddDays(-2));
        await CloseAsync(old, now.AddDays(-8));

        var (_, oldPage) = await customer.GetPageAsync($"/t/demo/portal/requests/{old}");
        var (reopened, _) = await customer.PostFormAsync($"/t/demo/portal/requests/{recent}", "portal-reopen", new Dictionary<string, string> { ["Reopen.Reason"] = "Water again" });

        Assert.DoesNotContain("data-testid=\"portal-reopen\"", oldPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var request = (await desk.GetAsync(recent))!;
        Assert.Equal(RequestPriority.High, request.Priority);
        Assert.Contains(await desk.TimelineAsync(request.Id), e => e.IsPublic && e.Text?.Contains("Water again", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task LetTheCustomerOpenTheirServiceReportButNotADraftOrAnotherCustomersReport()
    {
        await factory.CreateAccountAsync("demo", "C1006", "report@customer.example");
        await factory.CreateAccountAsync("demo", "C1007", "other-report@customer.example");
        var customer = await factory.SignedInCustomerAsync("demo", "report@customer.example");
        var other = await factory.SignedInCustomerAsync("demo", "other-report@customer.example");
        var number = await SubmitAsync(customer, "Drum worn");
        var submitted = await AddWorkReportAsync(number, 1, AfterSales.Modules.WorkReports.WorkReportState.Submitted, "Replaced the drum unit");
        var draft = await AddWorkReportAsync(number, 2, AfterSales.Modules.WorkReports.WorkReportState.Draft, "Not finished");

        var (_, requestPage) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");
        var (report, html) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}/reports/{submitted}");

        Assert.Contains($"reports/{submitted}", requestPage, StringComparison.Ordinal);
        Assert.DoesNotContain($"reports/{draft}", requestPage, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Contains("Replaced the drum unit", html, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"service-report\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/t/demo/portal/requests/{number}/reports/{draft}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/t/demo/portal/requests/{number}/reports/{submitted}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await customer.GetAsync($"/t/demo/portal/requests/{number}/reports/{Guid.NewGuid()}")).StatusCode);
    }

    private async Task<Guid> AddWorkReportAsync(string number, int visit, AfterSales.Modules.WorkReports.WorkReportState state, string measures)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        using var db = scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Shared.IDbFactory<AfterSales.Portal.IPortalDb>>().Create();
        var request = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ServiceRequests, r => r.Number == number);
        var report = new AfterSales.Modules.WorkReports.WorkReport
        {
            ServiceRequestId = request.Id, RequestNumber = number, Visit = visit, EngineerId = "engineer", EngineerName = "Li Gong",
            VisitedOn = new DateOnly(2026, 11, 20), Measures = measures, State = state, CreatedAt = DateTimeOffset.UtcNow,
            VerificationCode = state == AfterSales.Modules.WorkReports.WorkReportState.Draft ? "" : $"P{visit}{number[^6..]}",
        };
        db.WorkReports.Add(report);
        await db.SaveChangesAsync();
        return report.Id;
    }

    private async Task CloseAsync(string number, DateTimeOffset closedAt)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        using var db = scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Shared.IDbFactory<AfterSales.Portal.IPortalDb>>().Create();
        var request = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.ServiceRequests, r => r.Number == number);
        request.StatusCategory = AfterSales.Workflows.Definitions.StatusCategory.Done;
        request.ClosedAt = closedAt;
        request.Priority = RequestPriority.Normal;
        await db.SaveChangesAsync();
    }

    private static async Task<string> SubmitAsync(HttpClient customer, string subject)
    {
        var form = await customer.GetStringAsync("/t/demo/portal/requests/new");
        var type = TypeOption().Match(form).Groups[1].Value;
        var (response, html) = await customer.PostFormAsync("/t/demo/portal/requests/new", "portal-request", new Dictionary<string, string>
        {
            ["Input.ServiceTypeId"] = type,
            ["Input.SerialNumber"] = "",
            ["Input.Subject"] = subject,
            ["Input.Description"] = "Since Monday",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html);
        return Http.RedirectPath(response)!.Split('/')[^1];
    }

    [GeneratedRegex("<option value=\"([0-9a-f-]{36})\"")]
    private static partial Regex TypeOption();
}
