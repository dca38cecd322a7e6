using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;

namespace AfterSales.Workflows.Versioning;

/// <summary>
/// The version life cycle: a draft is a copy numbered after the latest version; publishing validates it and
/// freezes it. Published versions are never edited — a change is a new draft.
/// </summary>
public sealed class DefinitionPublisher(DefinitionValidator? validator = null)
{
    private readonly DefinitionValidator validator = validator ?? new DefinitionValidator();

    /// <summary>A new draft copied from <paramref name="source"/> (any version, e.g. to revert), numbered <paramref name="latestVersion"/> + 1.</summary>
    public static WorkflowDefinition NewDraft(WorkflowDefinition source, int latestVersion) =>
        source with { Version = latestVersion + 1, State = DefinitionState.Draft };

    /// <summary>Validates <paramref name="draft"/> and returns it published, or the report of what stops it.</summary>
    /// <exception cref="ArgumentException"><paramref name="draft"/> is already published.</exception>
    public PublishResult Publish(WorkflowDefinition draft, IReadOnlySet<string>? knownFieldKeys = null, IReadOnlySet<string>? knownRoles = null)
    {
        if (draft.State != DefinitionState.Draft)
        {
            throw new ArgumentException($"Workflow {draft.Key} version {draft.Version} is already published.", nameof(draft));
        }

        var report = validator.Validate(draft, knownFieldKeys, knownRoles);
        return new PublishResult(report.IsValid ? draft with { State = DefinitionState.Published } : null, report);
    }

    /// <summary>Publishes the draft <paramref name="key"/> v<paramref name="version"/> held by <paramref name="store"/>.</summary>
    public async Task<PublishResult> PublishAsync(IWorkflowDefinitionStore store, string key, int version,
        IReadOnlySet<string>? knownFieldKeys = null, IReadOnlySet<string>? knownRoles = null, CancellationToken cancellationToken = default)
    {
        var draft = await store.FindAsync(key, version, cancellationToken)
            ?? throw new ArgumentException($"Workflow {key} version {version} does not exist.", nameof(version));
        var result = Publish(draft, knownFieldKeys, knownRoles);
        if (result.Published is { } published)
        {
            await store.SaveAsync(published, cancellationToken);
        }

        return result;
    }
}
