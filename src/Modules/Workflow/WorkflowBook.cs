using System.Collections.Concurrent;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Validation;
using AfterSales.Workflows.Versioning;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Workflow;

/// <summary>
/// The tenant's workflows and their versions: every tenant starts with the default workflows of its service types,
/// edits a workflow in a draft, publishes it after validation, and keeps every published version unchanged.
/// </summary>
public sealed class WorkflowBook(IDbFactory<IWorkflowDb> dbFactory, PublishedWorkflows published, ITenantContext tenantContext, TimeProvider clock)
    : IWorkflowDefinitionStore
{
    public const int KeyLength = 32;

    private string TenantId => tenantContext.Tenant!.Id;

    /// <summary>Letters first, then letters, digits, '-' or '_' (as service type codes), upper case.</summary>
    public static bool IsValidKey(string key) =>
        key.Length is > 0 and <= KeyLength && char.IsAsciiLetterUpper(key[0]) && key.All(c => char.IsAsciiLetterUpper(c) || char.IsAsciiDigit(c) || c is '-' or '_');

    /// <summary>Whether <paramref name="key"/> can be a status key (as the engine's validator accepts them), e.g. to read one from an address.</summary>
    public static bool IsStatusKey(string key) =>
        key.Length is > 0 and <= KeyLength && char.IsAsciiLetter(key[0]) && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    /// <summary>The tenant's workflows, each with its newest published version and the draft if one is open.</summary>
    public async Task<IReadOnlyList<WorkflowSummary>> ListAsync(CancellationToken cancellationToken = default)
    {
        await EnsureDefaultsAsync(cancellationToken);
        using var db = dbFactory.Create();
        var rows = await db.WorkflowVersions.AsNoTracking()
            .Select(v => new { v.Key, v.Version, v.State, v.NameZh, v.NameEn, v.PublishedAt, v.CreatedAt })
            .ToListAsync(cancellationToken);
        return rows.GroupBy(v => v.Key).Select(g =>
        {
            var latest = g.MaxBy(v => v.Version)!;
            var live = g.Where(v => v.State == DefinitionState.Published).MaxBy(v => v.Version);
            var draft = g.FirstOrDefault(v => v.State == DefinitionState.Draft);
            return new WorkflowSummary(g.Key, new LocalizedText(latest.NameZh, latest.NameEn), live?.Version, live?.PublishedAt, draft?.Version, g.Count());
        }).OrderBy(s => s.Key, StringComparer.Ordinal).ToList();
    }

    /// <summary>Every version of <paramref name="key"/>, newest first.</summary>
    public async Task<IReadOnlyList<WorkflowVersionInfo>> HistoryAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WorkflowVersions.AsNoTracking().Where(v => v.Key == key).OrderByDescending(v => v.Version)
            .Select(v => new WorkflowVersionInfo(v.Version, v.State, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy, v.ConcurrencyStamp))
            .ToListAsync(cancellationToken);
    }

    public async Task<WorkflowDefinition?> FindAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        if (published.TryGet(TenantId, key, version, out var cached))
        {
            return cached;
        }

        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Key == key && v.Version == version, cancellationToken);
        return row is null ? null : Parse(row);
    }

    public async Task<WorkflowDefinition?> FindPublishedAsync(string key, CancellationToken cancellationToken = default)
    {
        await EnsureDefaultsAsync(cancellationToken);
        using var db = dbFactory.Create();
        var version = await db.WorkflowVersions.Where(v => v.Key == key && v.State == DefinitionState.Published)
            .MaxAsync(v => (int?)v.Version, cancellationToken);
        return version is { } v ? await FindAsync(key, v, cancellationToken) : null;
    }

    public async Task<int> LatestVersionAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WorkflowVersions.Where(v => v.Key == key).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
    }

    /// <summary>The draft of <paramref name="key"/> with the stamp its editor must save against, or null when there is none.</summary>
    public async Task<(WorkflowDefinition Definition, string Stamp)?> DraftAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Key == key && v.State == DefinitionState.Draft, cancellationToken);
        return row is null ? null : (Parse(row), row.ConcurrencyStamp);
    }

    /// <summary>Opens a draft of <paramref name="key"/> copied from <paramref name="fromVersion"/> (the newest published when null); an open draft is returned as it is.</summary>
    public async Task<(WorkflowDefinition Definition, string Stamp)?> StartDraftAsync(string key, int? fromVersion, string? by, CancellationToken cancellationToken = default)
    {
        if (await DraftAsync(key, cancellationToken) is { } open)
        {
            return open;
        }

        var source = fromVersion is { } version ? await FindAsync(key, version, cancellationToken) : await FindPublishedAsync(key, cancellationToken);
        if (source is null)
        {
            return null;
        }

        var draft = DefinitionPublisher.NewDraft(source, await LatestVersionAsync(key, cancellationToken));
        var row = await InsertAsync(draft, by, cancellationToken);
        return row is null ? await DraftAsync(key, cancellationToken) : (draft, row.ConcurrencyStamp);
    }

    /// <summary>Saves the draft an editor loaded with <paramref name="loadedStamp"/>; the new stamp, or null when someone else saved or published it meanwhile.</summary>
    public async Task<string?> SaveDraftAsync(WorkflowDefinition draft, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Key == draft.Key && v.Version == draft.Version, cancellationToken);
        if (row is not { State: DefinitionState.Draft } || row.ConcurrencyStamp != loadedStamp)
        {
            return null;
        }

        Write(row, draft with { State = DefinitionState.Draft });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row.ConcurrencyStamp;
        }
        catch (DbUpdateConcurrencyException)
        {
            return null;
        }
    }

    /// <summary>Drops the open draft of <paramref name="key"/>; the published versions stay.</summary>
    public async Task<bool> DiscardDraftAsync(string key, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Key == key && v.State == DefinitionState.Draft, cancellationToken);
        if (row is null || row.ConcurrencyStamp != loadedStamp)
        {
            return false;
        }

        // A workflow that was never published is the draft alone: discarding it removes the workflow.
        db.WorkflowVersions.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Validates the draft the editor loaded with <paramref name="loadedStamp"/> and publishes it; new requests start on it from now.
    /// <paramref name="knownFieldKeys"/> are the fields a transition may require (the request's fields and the tenant's custom fields).
    /// </summary>
    public async Task<WorkflowPublishResult> PublishAsync(string key, string loadedStamp, IReadOnlySet<string> knownFieldKeys, string? by,
        CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Key == key && v.State == DefinitionState.Draft, cancellationToken);
        if (row is null || row.ConcurrencyStamp != loadedStamp)
        {
            return new WorkflowPublishResult(WorkflowPublishStatus.Conflict);
        }

        var result = new DefinitionPublisher().Publish(Parse(row), knownFieldKeys, WorkflowRoles.All);
        if (result.Published is not { } definition)
        {
            return new WorkflowPublishResult(WorkflowPublishStatus.Invalid, result.Report.Errors);
        }

        Write(row, definition);
        row.PublishedAt = clock.GetUtcNow();
        row.PublishedBy = by;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new WorkflowPublishResult(WorkflowPublishStatus.Conflict);
        }

        return new WorkflowPublishResult(WorkflowPublishStatus.Published, Version: definition.Version);
    }

    /// <summary>A new workflow <paramref name="newKey"/> as a draft copied from <paramref name="source"/>; false when the key is taken.</summary>
    public async Task<bool> CreateDraftAsync(WorkflowDefinition source, string newKey, LocalizedText name, string? by, CancellationToken cancellationToken = default)
    {
        var draft = source with { Key = newKey, Version = 1, State = DefinitionState.Draft, Name = name };
        return await LatestVersionAsync(newKey, cancellationToken) == 0 && await InsertAsync(draft, by, cancellationToken) is not null;
    }

    /// <summary>
    /// Takes a definition exported from here or elsewhere as a draft: a new workflow when its key is new, else the next version of that
    /// workflow. Published state and version in the document are ignored; validation happens when the draft is published.
    /// </summary>
    public async Task<WorkflowImportResult> ImportAsync(string json, string? by, CancellationToken cancellationToken = default)
    {
        var imported = WorkflowJson.Import(json);
        if (!imported.Succeeded)
        {
            return new WorkflowImportResult(WorkflowImportStatus.Invalid, Errors: imported.Errors.Select(e => $"{e.Path}: {e.Message}").ToList());
        }

        var definition = imported.Definition!;
        if (!IsValidKey(definition.Key))
        {
            return new WorkflowImportResult(WorkflowImportStatus.InvalidKey, definition.Key);
        }

        await EnsureDefaultsAsync(cancellationToken);
        if (await DraftAsync(definition.Key, cancellationToken) is not null)
        {
            return new WorkflowImportResult(WorkflowImportStatus.DraftOpen, definition.Key);
        }

        var draft = definition with { Version = await LatestVersionAsync(definition.Key, cancellationToken) + 1, State = DefinitionState.Draft };
        return await InsertAsync(draft, by, cancellationToken) is null
            ? new WorkflowImportResult(WorkflowImportStatus.DraftOpen, definition.Key)
            : new WorkflowImportResult(WorkflowImportStatus.Imported, definition.Key, draft.Version);
    }

    /// <summary>The tenant's copy of the default workflows, created the first time a tenant without any asks.</summary>
    public async Task EnsureDefaultsAsync(CancellationToken cancellationToken = default)
    {
        if (published.HasDefaults(TenantId))
        {
            return;
        }

        using var db = dbFactory.Create();
        if (!await db.WorkflowVersions.AnyAsync(cancellationToken))
        {
            var now = clock.GetUtcNow();
            foreach (var definition in DefaultWorkflows.All.Values)
            {
                var row = new WorkflowVersion { CreatedAt = now, PublishedAt = now };
                Write(row, definition);
                db.WorkflowVersions.Add(row);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another request of the same tenant seeded them at the same moment.
            }
        }

        published.MarkDefaults(TenantId);
    }

    async Task IWorkflowDefinitionStore.SaveAsync(WorkflowDefinition definition, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var row = await db.WorkflowVersions.FirstOrDefaultAsync(v => v.Key == definition.Key && v.Version == definition.Version, cancellationToken);
        if (row is { State: DefinitionState.Published })
        {
            throw new InvalidOperationException($"Workflow {definition.Key} version {definition.Version} is published and cannot change.");
        }

        if (row is null)
        {
            row = new WorkflowVersion { CreatedAt = clock.GetUtcNow() };
            db.WorkflowVersions.Add(row);
        }

        Write(row, definition);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<WorkflowVersion?> InsertAsync(WorkflowDefinition draft, string? by, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var row = new WorkflowVersion { CreatedAt = clock.GetUtcNow(), CreatedBy = by };
        Write(row, draft);
        db.WorkflowVersions.Add(row);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return row;
        }
        catch (DbUpdateException)
        {
            // Someone else opened a draft with the same number meanwhile.
            return null;
        }
    }

    private static void Write(WorkflowVersion row, WorkflowDefinition definition)
    {
        row.Key = definition.Key;
        row.Version = definition.Version;
        row.State = definition.State;
        row.NameZh = Truncate(definition.Name.Zh);
        row.NameEn = Truncate(definition.Name.En);
        row.Json = WorkflowJson.Serialize(definition);
        row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private static string Truncate(string? name) => name is { Length: > 64 } ? name[..64] : name ?? "";

    private WorkflowDefinition Parse(WorkflowVersion row)
    {
        var definition = WorkflowJson.Import(row.Json).Definition
            ?? throw new InvalidOperationException($"Stored workflow {row.Key} v{row.Version} does not parse.");
        if (row.State == DefinitionState.Published)
        {
            published.Add(TenantId, definition);
        }

        return definition;
    }
}

/// <summary>
/// Parsed published versions, shared by every scope: they never change, so a request's page, the API and the timer poll
/// parse each version once per process.
/// </summary>
public sealed class PublishedWorkflows
{
    private readonly ConcurrentDictionary<(string Tenant, string Key, int Version), WorkflowDefinition> _versions = new();
    private readonly ConcurrentDictionary<string, bool> _seeded = new(StringComparer.Ordinal);

    public bool TryGet(string tenant, string key, int version, out WorkflowDefinition definition) =>
        _versions.TryGetValue((tenant, key, version), out definition!);

    public void Add(string tenant, WorkflowDefinition definition)
    {
        if (definition.State == DefinitionState.Published)
        {
            _versions.TryAdd((tenant, definition.Key, definition.Version), definition);
        }
    }

    public bool HasDefaults(string tenant) => _seeded.ContainsKey(tenant);

    public void MarkDefaults(string tenant) => _seeded.TryAdd(tenant, true);
}

public enum WorkflowImportStatus
{
    Imported,

    /// <summary>Not a workflow document; <see cref="WorkflowImportResult.Errors"/> says where.</summary>
    Invalid,

    /// <summary>The key is not one the tenant's workflows can have.</summary>
    InvalidKey,

    /// <summary>That workflow has a draft open: publish or discard it first, so nobody's edits are overwritten.</summary>
    DraftOpen,
}

public sealed record WorkflowImportResult(WorkflowImportStatus Status, string? Key = null, int? Version = null, IReadOnlyList<string>? Errors = null);

public sealed record WorkflowSummary(string Key, LocalizedText Name, int? PublishedVersion, DateTimeOffset? PublishedAt, int? DraftVersion, int Versions);

public sealed record WorkflowVersionInfo(int Version, DefinitionState State, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, string Stamp);

public enum WorkflowPublishStatus
{
    Published,
    Invalid,
    Conflict,
}

public sealed record WorkflowPublishResult(WorkflowPublishStatus Status, IReadOnlyList<ValidationIssue>? Issues = null, int? Version = null);
