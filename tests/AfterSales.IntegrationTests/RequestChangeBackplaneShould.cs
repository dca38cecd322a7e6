using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Two replicas over one database: a timeline event saved on one reaches a page listening on the other through the database
/// backplane, exactly once, and the replica that saved it does not hear it twice.
/// </summary>
public sealed class RequestChangeBackplaneShould : IAsyncLifetime
{
    private readonly AppFactory _first = new();
    private ReplicaFactory? _second;

    public Task InitializeAsync()
    {
        // The first host creates and seeds the database before the second one opens it.
        _ = _first.Services;
        _second = new ReplicaFactory(_first.DatabasePath, _first.StorageRoot);
        _ = _second.Services;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _first.DisposeAsync();
    }

    [Fact]
    public async Task DeliverACommentSavedOnOneReplicaToAListenerOnTheOtherExactlyOnce()
    {
        var second = _second!;
        var tenant = await _first.TenantAsync("demo");
        Guid requestId;
        string number;
        await using (var scope = await _first.TenantScopeAsync("demo"))
        {
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            var page = await desk.SearchAsync(new RequestQuery(Take: 1));
            (requestId, number) = (page.Items[0].Id, page.Items[0].Number);
        }

        var onFirst = new List<RequestChange>();
        var onSecond = new List<RequestChange>();
        var heardOnFirst = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var heardOnSecond = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var firstListener = _first.Services.GetRequiredService<IRequestChangeFeed>().Subscribe(tenant.Id, requestId, change =>
        {
            lock (onFirst) { onFirst.Add(change); }
            heardOnFirst.TrySetResult();
            return Task.CompletedTask;
        });
        using var secondListener = second.Services.GetRequiredService<IRequestChangeFeed>().Subscribe(tenant.Id, requestId, change =>
        {
            lock (onSecond) { onSecond.Add(change); }
            heardOnSecond.TrySetResult();
            return Task.CompletedTask;
        });
        var firstBackplane = _first.Services.GetRequiredService<RequestChangeBackplane>();
        var secondBackplane = second.Services.GetRequiredService<RequestChangeBackplane>();
        // The first poll of each replica notes where the timeline stands; only what is saved afterwards is news.
        await firstBackplane.PollOnceAsync(CancellationToken.None);
        await secondBackplane.PollOnceAsync(CancellationToken.None);

        await using (var scope = await _first.TenantScopeAsync("demo"))
        {
            var result = await scope.ServiceProvider.GetRequiredService<RequestDesk>().CommentAsync(number, "Seen on the other replica?", isPublic: false,
                new RequestActor("agent-id", "Agent", new HashSet<string>()), CancellationToken.None);
            Assert.Equal(ActionStatus.Done, result.Status);
        }

        var deliveredOnSecond = await secondBackplane.PollOnceAsync(CancellationToken.None);
        var deliveredAgain = await secondBackplane.PollOnceAsync(CancellationToken.None);
        var deliveredOnFirst = await firstBackplane.PollOnceAsync(CancellationToken.None);
        await heardOnSecond.Task.WaitAsync(TimeSpan.FromSeconds(30));
        await heardOnFirst.Task.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((1, 0, 0), (deliveredOnSecond, deliveredAgain, deliveredOnFirst));
        var change = Assert.Single(onSecond);
        Assert.Equal((tenant.Id, requestId), (change.TenantId, change.RequestId));
        Assert.Equal([RequestEventKind.Comment], change.Kinds);
        Assert.Equal(Assert.Single(onFirst).EventIds, change.EventIds);
    }

    /// <summary>A second host on the first one's database file and file store, as another replica behind the load balancer.</summary>
    private sealed class ReplicaFactory(string databasePath, string storageRoot) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseSetting("Storage:Root", storageRoot);
        }
    }
}
