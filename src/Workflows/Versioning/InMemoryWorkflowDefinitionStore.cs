using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Versioning;

/// <summary>A thread-safe <see cref="IWorkflowDefinitionStore"/> in memory, for the designer's simulator and tests.</summary>
public sealed class InMemoryWorkflowDefinitionStore : IWorkflowDefinitionStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<(string Key, int Version), WorkflowDefinition> versions = [];

    /// <inheritdoc />
    public Task<WorkflowDefinition?> FindAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.GetValueOrDefault((key, version)));
        }
    }

    /// <inheritdoc />
    public Task<WorkflowDefinition?> FindPublishedAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.Values.Where(d => d.Key == key && d.State == DefinitionState.Published).MaxBy(d => d.Version));
        }
    }

    /// <inheritdoc />
    public Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(versions.Keys.Where(k => k.Key == key).Select(k => k.Version).DefaultIfEmpty(0).Max());
        }
    }

    /// <inheritdoc />
    public Task SaveAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (versions.TryGetValue((definition.Key, definition.Version), out var stored) && stored.State == DefinitionState.Published)
            {
                throw new InvalidOperationException($"Workflow {definition.Key} version {definition.Version} is published and cannot change.");
            }

            versions[(definition.Key, definition.Version)] = definition;
            return Task.CompletedTask;
        }
    }
}
