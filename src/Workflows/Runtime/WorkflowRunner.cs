using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Timers;
using AfterSales.Workflows.Versioning;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// The engine over stores: load, decide, compare-and-swap. It stores the new instance state and hands back the
/// actions and timer commands for the caller to run once the change is saved. The host may use it with its own
/// store implementations or call <see cref="WorkflowEngine"/> inside its own transaction instead.
/// </summary>
public sealed class WorkflowRunner(WorkflowEngine engine, IWorkflowInstanceStore instances, IWorkflowDefinitionStore definitions)
{
    /// <summary>Starts instance <paramref name="instanceId"/> on the published version of <paramref name="definitionKey"/>.</summary>
    public async Task<WorkflowResult> StartAsync(string definitionKey, string instanceId, WorkflowContext context, CancellationToken cancellationToken = default)
    {
        if (await definitions.FindPublishedAsync(definitionKey, cancellationToken) is not { } definition)
        {
            return WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.DefinitionNotFound, WorkflowMessages.NoPublishedVersion(definitionKey)));
        }

        var result = engine.Start(definition, instanceId, context);
        return await instances.TryAddAsync(result.Instance!, cancellationToken) ? result : Conflict();
    }

    /// <summary>The transitions the actor may fire on instance <paramref name="instanceId"/>; empty when it does not exist.</summary>
    public async Task<IReadOnlyList<AvailableTransition>> AvailableAsync(string instanceId, WorkflowContext context, CancellationToken cancellationToken = default) =>
        await LoadAsync(instanceId, cancellationToken) is ({ } instance, { } definition) ? engine.Available(definition, instance, context) : [];

    /// <summary>Fires a transition; refused with <see cref="RefusalReason.ConcurrencyConflict"/> when the instance is not at <paramref name="expectedVersion"/> or changes meanwhile.</summary>
    public async Task<WorkflowResult> FireAsync(string instanceId, string transitionKey, WorkflowContext context,
        IReadOnlyDictionary<string, object?>? formValues = null, long? expectedVersion = null, CancellationToken cancellationToken = default)
    {
        var (instance, definition, refusal) = await LoadOrRefuseAsync(instanceId, cancellationToken);
        return refusal ?? await SaveAsync(instance!, engine.Fire(definition!, instance!, transitionKey, context, formValues, expectedVersion), cancellationToken);
    }

    /// <summary>Runs a fired timer job; a stale one is refused with <see cref="RefusalReason.TimerStale"/> and changes nothing.</summary>
    public async Task<WorkflowResult> FireTimerAsync(TimerId timerId, WorkflowContext context, CancellationToken cancellationToken = default)
    {
        var (instance, definition, refusal) = await LoadOrRefuseAsync(timerId.InstanceId, cancellationToken);
        return refusal ?? await SaveAsync(instance!, engine.FireTimer(definition!, instance!, timerId, context), cancellationToken);
    }

    private async Task<WorkflowResult> SaveAsync(WorkflowInstance read, WorkflowResult result, CancellationToken cancellationToken) =>
        !result.Succeeded || await instances.TryReplaceAsync(result.Instance!, read.Version, cancellationToken) ? result : Conflict();

    private async Task<(WorkflowInstance?, WorkflowDefinition?, WorkflowResult?)> LoadOrRefuseAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (await instances.FindAsync(instanceId, cancellationToken) is not { } instance)
        {
            return (null, null, WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.InstanceNotFound, WorkflowMessages.InstanceNotFound(instanceId))));
        }

        return await definitions.FindAsync(instance.DefinitionKey, instance.DefinitionVersion, cancellationToken) is { } definition
            ? (instance, definition, null)
            : (instance, null, WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.DefinitionNotFound,
                WorkflowMessages.DefinitionNotFound(instance.DefinitionKey, instance.DefinitionVersion))));
    }

    private async Task<(WorkflowInstance?, WorkflowDefinition?)> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var (instance, definition, _) = await LoadOrRefuseAsync(instanceId, cancellationToken);
        return (instance, definition);
    }

    private static WorkflowResult Conflict() =>
        WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.ConcurrencyConflict, WorkflowMessages.ConcurrencyConflict));
}
