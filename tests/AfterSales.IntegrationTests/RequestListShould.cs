using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AfterSales.IntegrationTests;

/// <summary>The request list: its URL as the filter, sorting, saved filters per user, bulk assignment, the board and the export.</summary>
public sealed class RequestListShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });

    private sealed record User(string? Id, string? Name) : ICurrentUser;

    [Fact]
    public void CarryTheWholeFilterInItsUrl()
    {
        var filter = new RequestFilter(RequestView.Mine, "漏 水", RequestStatuses.Assigned, Guid.NewGuid(), "floor_no", "10~20", "Due", Ascending: true, Board: true);

        var again = RequestFilter.FromQuery(filter.ToQueryString());

        Assert.Equal(filter, again);
        Assert.Equal("", new RequestFilter().ToQueryString());
        Assert.Equal(new RequestFilter(), RequestFilter.FromQuery("?view=nonsense&status=&type=not-a-guid&page=-2"));
    }

    [Fact]
    public void CarryThePageButNotIntoSavedFiltersOrTheBoard()
    {
        var third = new RequestFilter(Status: RequestStatuses.Closed, Page: 3);

        Assert.Equal("?status=Closed&page=3", third.ToQueryString());
        Assert.Equal(third, RequestFilter.FromQuery("?status=Closed&page=3"));
        Assert.Equal("?status=Closed", third.FirstPage.ToQueryString());
        Assert.Equal("?status=Closed&layout=board", (third with { Board = true }).ToQueryString());
        Assert.Equal(1, RequestFilter.FromQuery("?page=abc").Page);
        Assert.Equal(40, third.ToQuery(new Dictionary<string, AfterSales.Modules.Forms.FieldDefinition>(), null, skip: 40).Skip);
    }

    [Fact]
    public async Task SortOnTheServerByPriorityAndNumber()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var consult = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!.Id;
        foreach (var priority in new[] { RequestPriority.Low, RequestPriority.Urgent, RequestPriority.Normal })
        {
            await desk.CreateAsync(new RequestInput { ServiceTypeId = consult, ContactPhone = "1", Subject = $"排序 {priority}", Priority = priority }, Dispatcher);
        }

        var byPriority = await desk.SearchAsync(new RequestQuery(Search: "排序", Sort: RequestSort.Priority, Descending: true));
        var byNumber = await desk.SearchAsync(new RequestQuery(Search: "排序", Sort: RequestSort.Number, Descending: false));

        Assert.Equal([RequestPriority.Urgent, RequestPriority.Normal, RequestPriority.Low], byPriority.Items.Select(r => r.Priority));
        Assert.Equal(byNumber.Items.Select(r => r.Number).Order(StringComparer.Ordinal), byNumber.Items.Select(r => r.Number));
    }

    [Fact]
    public async Task KeepSavedFiltersForTheirOwnerOnly()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>();
        var mine = new SavedFilters(db, new User("user-a", "A"), TimeProvider.System);
        var theirs = new SavedFilters(db, new User("user-b", "B"), TimeProvider.System);

        var saved = await mine.SaveAsync(SavedFilters.RequestsPage, " 我的超期 ", "?view=Overdue", replace: false);
        var again = await mine.SaveAsync(SavedFilters.RequestsPage, "我的超期", "?view=Locked", replace: false);
        var replaced = await mine.SaveAsync(SavedFilters.RequestsPage, "我的超期", "?view=Locked", replace: true);
        var unnamed = await mine.SaveAsync(SavedFilters.RequestsPage, " ", "?view=Locked", replace: false);
        var filter = (await mine.ListAsync(SavedFilters.RequestsPage)).Single();
        var othersDelete = await theirs.DeleteAsync(filter.Id);
        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeFilters = new SavedFilters(acme.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>(), new User("user-a", "A"), TimeProvider.System);

        Assert.Equal((SavedFilterStatus.Saved, SavedFilterStatus.NameTaken, SavedFilterStatus.Saved, SavedFilterStatus.Invalid), (saved, again, replaced, unnamed));
        Assert.Equal(("我的超期", "?view=Locked"), (filter.Name, filter.Query));
        Assert.Empty(await theirs.ListAsync(SavedFilters.RequestsPage));
        Assert.Equal(SavedFilterStatus.NotFound, othersDelete);
        Assert.Empty(await acmeFilters.ListAsync(SavedFilters.RequestsPage));
        Assert.Equal(SavedFilterStatus.NotFound, await acmeFilters.DeleteAsync(filter.Id));
        Assert.Equal(SavedFilterStatus.Saved, await mine.DeleteAsync(filter.Id));
    }

    [Fact]
    public async Task AssignSeveralAtOnceAndReportTheOnesLeftAlone()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var consult = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!.Id;
        for (var i = 0; i < 3; i++)
        {
            await desk.CreateAsync(new RequestInput { ServiceTypeId = consult, ContactPhone = "1", Subject = $"批量 {i}" }, Dispatcher);
        }

        var rows = (await desk.SearchAsync(new RequestQuery(Search: "批量", Sort: RequestSort.Number, Descending: false))).Items;
        var engineer = (await desk.EngineersAsync()).First();
        // One was put on hold and one changed after the list was loaded.
        await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FireAsync(rows[1].Number, "Hold", new Dictionary<string, string?>(), null, rows[1].ConcurrencyStamp, Dispatcher);
        var stale = rows[2] with { ConcurrencyStamp = "loaded-before-a-change" };

        var results = await desk.AssignManyAsync([rows[0], (await desk.SearchAsync(new RequestQuery(Search: rows[1].Number))).Items[0], stale], engineer.UserId, Dispatcher);

        Assert.Equal([ActionStatus.Done, ActionStatus.NotAllowed, ActionStatus.Conflict], results.Select(r => r.Status));
        Assert.Equal(engineer.Name, (await desk.GetAsync(rows[0].Number))!.AssigneeName);
        Assert.Null((await desk.GetAsync(rows[2].Number))!.AssigneeName);
    }

    [Fact]
    public async Task ShowTheBoardByStatusInTheLoopsOrder()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var all = await desk.SearchAsync(new RequestQuery(Take: 100));

        var board = await desk.BoardAsync(new RequestQuery(), perColumn: 2);

        // New first, then in progress, waiting and done; every status of the tenant's workflows once.
        Assert.Equal("WaitingForAssignment", board[0].Status.Key);
        Assert.Equal(board.Select(c => c.Status.Category).Order(), board.Select(c => c.Status.Category));
        Assert.Equal(board.Count, board.Select(c => c.Status.Key).Distinct().Count());
        Assert.Contains(board, c => c.Status.Key == "InTransitToFactory");
        Assert.Equal(all.Total, board.Sum(c => c.Page.Total));
        Assert.All(board, c => Assert.All(c.Page.Items, r => Assert.Equal(c.Status.Key, r.Status)));
        Assert.All(board, c => Assert.True(c.Page.Items.Count <= 2));
    }

    [Fact]
    public async Task ExportTheListAsFilteredOnThePage()
    {
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");

        var response = await browser.GetAsync("/t/demo/requests/export.xlsx?status=Assigned&q=%E7%A9%BA%E8%B0%83");
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        var rows = MiniExcel.Query(stream, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var acme = factory.CreateBrowser();
        await acme.LoginAsync("/t/acme", "agent@acme.example");
        using var acmeStream = new MemoryStream(await (await acme.GetAsync("/t/acme/requests/export.xlsx?q=%E7%A9%BA%E8%B0%83")).Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var row = Assert.Single(rows);
        Assert.Equal(("空调不制冷，室外机不启动", "已分配", "壁挂"), ((string)row["主题"], (string)row["状态"], (string)row["安装方式"]));
        Assert.DoesNotContain(MiniExcel.Query(acmeStream, useHeaderRow: true).Cast<IDictionary<string, object>>(), r => r.Values.Any(v => v is not null));
    }
}
