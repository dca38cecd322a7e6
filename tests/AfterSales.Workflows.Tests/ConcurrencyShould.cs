using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Versioning;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class ConcurrencyShould
{
    private const int Contenders = 16;

    [Fact]
    public async Task LetExactlyOneOfManyParallelTransitionsWin()
    {
        var engine = new WorkflowEngine(Clock());
        var definition = DefaultWorkflows.OnSite();
        var store = new InMemoryWorkflowInstanceStore();
        Assert.True(await store.TryAddAsync(engine.Start(definition, "SR-1", As(Dispatcher)).Instance!));
        using var barrier = new Barrier(Contenders);

        // Every contender reads the same version, then all decide and save at once: the store's compare-and-swap
        // is all that stands between them. Dedicated threads, because a barrier would starve a two-core thread pool.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(i => Task.Factory.StartNew(() =>
        {
            var read = store.FindAsync("SR-1").GetAwaiter().GetResult()!;
            barrier.SignalAndWait();
            var result = engine.Fire(definition, read, "Assign", As(Dispatcher), Form(("assigneeId", $"eng-{i}")), expectedVersion: read.Version);
            return result.Succeeded && store.TryReplaceAsync(result.Instance!, read.Version).GetAwaiter().GetResult() ? result.Instance!.Version : -1;
        }, TaskCreationOptions.LongRunning)));

        Assert.Single(outcomes, v => v > 0);
        Assert.Equal(2, (await store.FindAsync("SR-1"))!.Version);
    }

    [Fact]
    public async Task RefuseTheLosersThroughTheRunnerAsConflicts()
    {
        var definitions = new InMemoryWorkflowDefinitionStore();
        await definitions.SaveAsync(DefaultWorkflows.OnSite());
        var runner = new WorkflowRunner(new WorkflowEngine(Clock()), new InMemoryWorkflowInstanceStore(), definitions);
        var started = await runner.StartAsync("ONSITE", "SR-1", As(Dispatcher));
        var version = started.Instance!.Version;

        var results = await Task.WhenAll(Enumerable.Range(0, Contenders).Select(i => Task.Run(() =>
            runner.FireAsync("SR-1", i % 2 == 0 ? "Hold" : "Cancel", As(Dispatcher), expectedVersion: version))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal(RefusalReason.ConcurrencyConflict, r.Refusal!.Reason));
    }

    [Fact]
    public async Task RunTheWholeLoopOnInMemoryStoresForTheSimulator()
    {
        var definitions = new InMemoryWorkflowDefinitionStore();
        await definitions.SaveAsync(DefaultWorkflows.Consultation());
        var runner = new WorkflowRunner(new WorkflowEngine(Clock()), new InMemoryWorkflowInstanceStore(), definitions);

        Assert.Equal(RefusalReason.DefinitionNotFound, (await runner.StartAsync("NOPE", "C-1", As(Dispatcher))).Refusal!.Reason);
        Assert.True((await runner.StartAsync("CONSULT", "C-1", As(Dispatcher))).Succeeded);
        Assert.Equal(RefusalReason.ConcurrencyConflict, (await runner.StartAsync("CONSULT", "C-1", As(Dispatcher))).Refusal!.Reason);
        Assert.Contains(await runner.AvailableAsync("C-1", As(Dispatcher)), t => t.Key == "AnswerAndClose");
        var closed = await runner.FireAsync("C-1", "AnswerAndClose", As(Dispatcher), Form(("answer", "Restart the router.")));
        Assert.Equal("Closed", closed.Instance!.Status);
        Assert.Equal(RefusalReason.InstanceNotFound, (await runner.FireAsync("C-2", "Close", As(Dispatcher))).Refusal!.Reason);
        Assert.Equal(RefusalReason.TimerStale, (await runner.FireTimerAsync(new Timers.TimerId("C-1", "firstResponseBreached", 1), As(Dispatcher))).Refusal!.Reason);
    }
}
