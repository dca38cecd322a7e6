using System.Collections.Concurrent;
using System.Net;
using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The request timeline: what staff write is shown as text, never as markup, and every saved event is announced once it is committed.</summary>
public sealed class RequestTimelineShould(ChangeFeedAppFactory factory) : IClassFixture<ChangeFeedAppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task ShowACommentsMarkupAsTextNeverAsHtml()
    {
        var number = await NewRequestAsync();
        const string attack = "<script>alert(1)</script><img src=x onerror=alert(2)><iframe src=\"javascript:alert(3)\"></iframe><a href=\"javascript:alert(4)\">x</a>";
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            Assert.Equal(ActionStatus.Done, (await scope.ServiceProvider.GetRequiredService<RequestDesk>().CommentAsync(number, attack, true, Agent)).Status);
        }

        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        // As sent, not decoded as the page helper does.
        var response = await agent.GetAsync($"/t/demo/requests/{number}");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img src=x", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<iframe", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("href=\"javascript:", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnnounceACommentOnceItIsSaved()
    {
        var number = await NewRequestAsync();
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var request = (await desk.GetAsync(number))!;
        factory.Feed.Clear();

        await desk.CommentAsync(number, "已联系客户，明天上门。", false, Agent);

        var change = Assert.Single(factory.Feed.For(request.Id));
        Assert.Equal([RequestEventKind.Comment], change.Kinds);
        Assert.Equal((await factory.TenantAsync("demo")).Id, change.TenantId);
        var saved = (await desk.TimelineAsync(request.Id)).Last();
        Assert.Equal([saved.Id], change.EventIds);
    }

    [Fact]
    public async Task AnnounceEventsOfATransactionOnlyWhenItCommitsAndNeverWhenItRollsBack()
    {
        var number = await NewRequestAsync();
        await using var scope = await factory.TenantScopeAsync("demo");
        var requestId = (await scope.ServiceProvider.GetRequiredService<RequestDesk>().GetAsync(number))!.Id;
        var contexts = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        factory.Feed.Clear();

        await using (var db = contexts.CreateDbContext())
        {
            await using var rolledBack = await db.Database.BeginTransactionAsync();
            db.RequestEvents.Add(RequestEvent.Of(Agent, requestId, DateTimeOffset.UtcNow, RequestEventKind.Comment, "撤回"));
            await db.SaveChangesAsync();
            await rolledBack.RollbackAsync();
        }

        var afterRollback = factory.Feed.For(requestId);
        await using (var db = contexts.CreateDbContext())
        {
            // Abandoned: neither committed nor rolled back explicitly, and then the same context saves on its own.
            await using (await db.Database.BeginTransactionAsync())
            {
                db.RequestEvents.Add(RequestEvent.Of(Agent, requestId, DateTimeOffset.UtcNow, RequestEventKind.Comment, "放弃"));
                await db.SaveChangesAsync();
            }

            db.ChangeTracker.Clear();
            await using var committed = await db.Database.BeginTransactionAsync();
            db.RequestEvents.Add(RequestEvent.Of(Agent, requestId, DateTimeOffset.UtcNow, RequestEventKind.Comment, "一"));
            await db.SaveChangesAsync();
            db.RequestEvents.Add(RequestEvent.Of(Agent, requestId, DateTimeOffset.UtcNow, RequestEventKind.AttachmentAdded, "二.jpg"));
            await db.SaveChangesAsync();
            Assert.Empty(factory.Feed.For(requestId));
            await committed.CommitAsync();
        }

        Assert.Empty(afterRollback);
        var change = Assert.Single(factory.Feed.For(requestId));
        Assert.Equal([RequestEventKind.Comment, RequestEventKind.AttachmentAdded], change.Kinds);
        await using var check = contexts.CreateDbContext();
        var texts = await check.RequestEvents.Where(e => e.ServiceRequestId == requestId && e.Kind != RequestEventKind.Created).Select(e => e.Text).ToListAsync();
        Assert.Equal(["一", "二.jpg"], texts.Order(StringComparer.Ordinal));
    }

    private async Task<string> NewRequestAsync()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync()).First();
        return (await scope.ServiceProvider.GetRequiredService<RequestDesk>()
            .CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "洗衣机不脱水" }, Agent)).Number!;
    }
}

/// <summary>The host with a feed that only records what is published, as it is published.</summary>
public sealed class ChangeFeedAppFactory : AppFactory
{
    public RecordingChangeFeed Feed { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IRequestChangeFeed>(Feed));
    }
}

public sealed class RecordingChangeFeed : IRequestChangeFeed
{
    private readonly ConcurrentQueue<RequestChange> _published = new();

    public void Publish(RequestChange change) => _published.Enqueue(change);

    // A page rendered by a test listens to nothing: the test reads what was published.
    public IDisposable Subscribe(string tenantId, Guid requestId, Func<RequestChange, Task> onChange) => new Nothing();

    public IReadOnlyList<RequestChange> For(Guid requestId) => _published.Where(c => c.RequestId == requestId).ToList();

    public void Clear() => _published.Clear();

    private sealed class Nothing : IDisposable
    {
        public void Dispose()
        {
        }
    }
}
