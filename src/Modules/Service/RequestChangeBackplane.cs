using System.Collections.Concurrent;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Service;

/// <summary>
/// The change feed of a replica that shares its database with others: changes saved here go to this replica's listeners at once
/// (as <see cref="InProcessRequestChangeFeed"/>), and <see cref="RequestChangeBackplane"/> brings in the timeline events the other
/// replicas saved. The database is the backplane, so a deployment needs nothing besides it. Every event is delivered once per
/// replica whichever path sees it first: the poll can read a row before the saving replica's own publish has run.
/// </summary>
public sealed class ReplicatedRequestChangeFeed(InProcessRequestChangeFeed local) : IRequestChangeFeed
{
    /// <summary>How many delivered event ids are remembered; far more than a few seconds of saves on any replica.</summary>
    public const int Remembered = 20_000;

    private readonly ConcurrentDictionary<long, byte> _delivered = new();
    private readonly ConcurrentQueue<long> _order = new();

    public void Publish(RequestChange change)
    {
        if (Fresh(change) is { } fresh)
        {
            local.Publish(fresh);
        }
    }

    public IDisposable Subscribe(string tenantId, Guid requestId, Func<RequestChange, Task> onChange) => local.Subscribe(tenantId, requestId, onChange);

    /// <summary>Delivers the changes read from the database that this replica has not delivered yet; returns how many it delivered.</summary>
    public int Deliver(IEnumerable<RequestChange> changes)
    {
        var delivered = 0;
        foreach (var change in changes)
        {
            if (Fresh(change) is { } fresh)
            {
                local.Publish(fresh);
                delivered++;
            }
        }

        return delivered;
    }

    /// <summary>Marks events as delivered without delivering them (those saved before this replica listened).</summary>
    public void Seen(IEnumerable<long> eventIds) => Fresh(new RequestChange("", Guid.Empty, eventIds.ToList(), []));

    // The part of the change not delivered before, or null when all of it was.
    private RequestChange? Fresh(RequestChange change)
    {
        var ids = new List<long>(change.EventIds.Count);
        var kinds = new List<RequestEventKind>(change.EventIds.Count);
        for (var i = 0; i < change.EventIds.Count; i++)
        {
            if (_delivered.TryAdd(change.EventIds[i], 0))
            {
                _order.Enqueue(change.EventIds[i]);
                ids.Add(change.EventIds[i]);
                kinds.Add(i < change.Kinds.Count ? change.Kinds[i] : RequestEventKind.Comment);
            }
        }

        while (_order.Count > Remembered && _order.TryDequeue(out var old))
        {
            _delivered.TryRemove(old, out _);
        }

        return ids.Count == 0 ? null : change with { EventIds = ids, Kinds = kinds };
    }
}

/// <summary>
/// Reads the timeline events saved since the last poll, across tenants, and hands them to <see cref="ReplicatedRequestChangeFeed"/>,
/// which delivers those this replica has not seen (the others' saves). Runs every <c>RequestChanges:PollSeconds</c> (2 by default;
/// 0 turns the poll off, for a single replica or tests that poll themselves).
/// </summary>
public sealed class RequestChangeBackplane(IServiceScopeFactory scopes, ReplicatedRequestChangeFeed feed)
{
    /// <summary>
    /// Ids below the highest seen that are read again: two saves on different replicas can commit out of id order, so a row with a
    /// lower id may appear after a higher one was read. The feed remembers what it delivered, so reading them again delivers nothing twice.
    /// </summary>
    public const int Lookback = 200;

    /// <summary>Events read at most per poll; more wait for the next one.</summary>
    public const int BatchSize = 1000;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private long? _highest;

    /// <summary>Reads what was saved since the last poll (the first poll only notes where the timeline stands); returns the changes delivered.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
            // The one query that crosses tenants: each change names its tenant, and listeners subscribe per tenant and request.
            var events = db.RequestEvents.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]).AsNoTracking();
            if (_highest is not { } highest)
            {
                // What was saved before this replica started is history, not news: the rows the next poll's look-back reads again
                // are marked as delivered here.
                var top = await events.MaxAsync(e => (long?)e.Id, cancellationToken) ?? 0;
                feed.Seen(await events.Where(e => e.Id > top - Lookback && e.Id <= top).Select(e => e.Id).ToListAsync(cancellationToken));
                _highest = top;
                return 0;
            }

            var from = highest - Lookback;
            var rows = await events.Where(e => e.Id > from).OrderBy(e => e.Id).Take(BatchSize)
                .Select(e => new { e.Id, e.TenantId, e.ServiceRequestId, e.Kind }).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return 0;
            }

            _highest = Math.Max(highest, rows[^1].Id);
            return feed.Deliver(rows.GroupBy(r => (r.TenantId, r.ServiceRequestId))
                .Select(g => new RequestChange(g.Key.TenantId, g.Key.ServiceRequestId, g.Select(r => r.Id).ToList(), g.Select(r => r.Kind).ToList())));
        }
        finally
        {
            _gate.Release();
        }
    }
}

/// <summary>Runs <see cref="RequestChangeBackplane"/> on its interval for as long as the host runs.</summary>
internal sealed class RequestChangeBackplaneService(RequestChangeBackplane backplane, IConfiguration configuration, ILogger<RequestChangeBackplaneService> log)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("RequestChanges:PollSeconds", 2.0);
        if (seconds <= 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await backplane.PollOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup costs live updates for one interval, never the host.
                log.LogWarning(ex, "Reading other replicas' request changes failed");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
