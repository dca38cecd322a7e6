namespace AfterSales.Workflows.Runtime;

/// <summary>A thread-safe <see cref="IWorkflowInstanceStore"/> in memory, for the designer's simulator and tests.</summary>
public sealed class InMemoryWorkflowInstanceStore : IWorkflowInstanceStore
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, WorkflowInstance> instances = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<WorkflowInstance?> FindAsync(string id, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(instances.GetValueOrDefault(id));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryAddAsync(WorkflowInstance instance, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            return Task.FromResult(instances.TryAdd(instance.Id, instance));
        }
    }

    /// <inheritdoc />
    public Task<bool> TryReplaceAsync(WorkflowInstance instance, long expectedVersion, CancellationToken cancellationToken = default)
    {
        lock (gate)
        {
            if (!instances.TryGetValue(instance.Id, out var stored) || stored.Version != expectedVersion || instance.Version <= expectedVersion)
            {
                return Task.FromResult(false);
            }

            instances[instance.Id] = instance;
            return Task.FromResult(true);
        }
    }
}
