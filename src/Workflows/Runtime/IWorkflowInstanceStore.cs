namespace AfterSales.Workflows.Runtime;

/// <summary>
/// Where instances live. The one rule an implementation must keep: <see cref="TryReplaceAsync"/> is a
/// compare-and-swap on <see cref="WorkflowInstance.Version"/>, so of two changes computed from the same version
/// exactly one is stored (in EF: the version column as concurrency token, a failed save answering false).
/// </summary>
public interface IWorkflowInstanceStore
{
    /// <summary>The instance with <paramref name="id"/>, or null.</summary>
    Task<WorkflowInstance?> FindAsync(string id, CancellationToken cancellationToken = default);

    /// <summary>Stores a new instance; false when one with the same id exists.</summary>
    Task<bool> TryAddAsync(WorkflowInstance instance, CancellationToken cancellationToken = default);

    /// <summary>Stores <paramref name="instance"/> only if the stored one still has <paramref name="expectedVersion"/>; false otherwise.</summary>
    Task<bool> TryReplaceAsync(WorkflowInstance instance, long expectedVersion, CancellationToken cancellationToken = default);
}
