using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Versioning;

/// <summary>
/// Where definition versions live. An implementation must refuse to overwrite a published version: instances
/// pinned to it rely on it never changing.
/// </summary>
public interface IWorkflowDefinitionStore
{
    /// <summary>One version, or null.</summary>
    Task<WorkflowDefinition?> FindAsync(string key, int version, CancellationToken cancellationToken = default);

    /// <summary>The newest published version (the one new requests start on), or null.</summary>
    Task<WorkflowDefinition?> FindPublishedAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>The highest version number stored, draft or published; 0 when none.</summary>
    Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Stores a draft, or a version being published.</summary>
    /// <exception cref="InvalidOperationException">That version is already published.</exception>
    Task SaveAsync(WorkflowDefinition definition, CancellationToken cancellationToken = default);
}
