using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Forms;

/// <summary>A form as a record is filled in with: the published version (none yet: an empty form).</summary>
public sealed record PublishedForm(Guid? VersionId, int Version, FormSchema Schema)
{
    public static PublishedForm None => new(null, 0, FormSchema.Empty);
}

/// <summary>What the designer opens: the draft (or a copy of the published version to start one), and what is already fixed.</summary>
public sealed record FormDesign(string Key, FormSchema Schema, string? DraftStamp, int PublishedVersion, IReadOnlyDictionary<string, FieldKind> PublishedKeys);

public sealed record FormSummary(string Key, int PublishedVersion, DateTimeOffset? PublishedAt, bool HasDraft, int FieldCount);

public sealed record FormVersionInfo(Guid Id, int Version, FormVersionStatus Status, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? PublishedAt, string? PublishedBy, int FieldCount);

public enum DesignSaveStatus
{
    Saved,
    Invalid,
    Conflict,
    NothingToPublish,
}

public sealed record DesignSaveResult(DesignSaveStatus Status, string? Stamp = null, int Version = 0, IReadOnlyList<DesignError>? Errors = null);

/// <summary>The tenant's forms: drafts edited in the designer, versions published for good, and the form a record is filled in with.</summary>
public sealed class FormBook(IDbFactory<IFormsDb> dbFactory, TimeProvider clock)
{
    public async Task<PublishedForm> PublishedAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var version = await db.FormVersions.AsNoTracking().Where(v => v.FormKey == key && v.Status == FormVersionStatus.Published)
            .OrderByDescending(v => v.Version).FirstOrDefaultAsync(cancellationToken);
        return version is null ? PublishedForm.None : new PublishedForm(version.Id, version.Version, version.Schema);
    }

    /// <summary>The published form of each key (none yet: an empty form), in one query.</summary>
    public async Task<IReadOnlyDictionary<string, PublishedForm>> PublishedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.AsNoTracking().Where(v => keys.Contains(v.FormKey) && v.Status == FormVersionStatus.Published).ToListAsync(cancellationToken);
        return keys.ToDictionary(k => k, k => versions.Where(v => v.FormKey == k).MaxBy(v => v.Version) is { } latest
            ? new PublishedForm(latest.Id, latest.Version, latest.Schema)
            : PublishedForm.None);
    }

    /// <summary>The version a record was written with (another tenant's id is not found: an empty form).</summary>
    public async Task<PublishedForm> VersionAsync(Guid? versionId, CancellationToken cancellationToken = default)
    {
        if (versionId is not { } id)
        {
            return PublishedForm.None;
        }

        using var db = dbFactory.Create();
        var version = await db.FormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        return version is null ? PublishedForm.None : new PublishedForm(version.Id, version.Version, version.Schema);
    }

    public async Task<FormSchema?> VersionAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return (await db.FormVersions.AsNoTracking().FirstOrDefaultAsync(v => v.FormKey == key && v.Version == version, cancellationToken))?.Schema;
    }

    /// <summary>
    /// Every field the forms under these keys ever published, by key, as last published: so a list can filter on a field that
    /// a newer version dropped, and a record shows values of removed fields with their last label.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FieldDefinition>> FieldsEverPublishedAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.AsNoTracking().Where(v => keys.Contains(v.FormKey) && v.Status == FormVersionStatus.Published)
            .OrderBy(v => v.Version).Select(v => v.SchemaJson).ToListAsync(cancellationToken);
        var fields = new Dictionary<string, FieldDefinition>(StringComparer.Ordinal);
        foreach (var json in versions)
        {
            foreach (var field in FormSchema.FromJson(json).Fields)
            {
                fields[field.Key] = field;
            }
        }

        return fields;
    }

    public async Task<IReadOnlyList<FormSummary>> SummariesAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.AsNoTracking().Where(v => keys.Contains(v.FormKey)).ToListAsync(cancellationToken);
        return keys.Select(key =>
        {
            var published = versions.Where(v => v.FormKey == key && v.Status == FormVersionStatus.Published).MaxBy(v => v.Version);
            return new FormSummary(key, published?.Version ?? 0, published?.PublishedAt,
                versions.Any(v => v.FormKey == key && v.Status == FormVersionStatus.Draft), published?.Schema.Fields.Count() ?? 0);
        }).ToList();
    }

    public async Task<IReadOnlyList<FormVersionInfo>> VersionsAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.AsNoTracking().Where(v => v.FormKey == key).OrderByDescending(v => v.Version).ToListAsync(cancellationToken);
        return versions.Select(v => new FormVersionInfo(v.Id, v.Version, v.Status, v.CreatedAt, v.CreatedBy, v.PublishedAt, v.PublishedBy, v.Schema.Fields.Count())).ToList();
    }

    public async Task<FormDesign> DesignAsync(string key, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.AsNoTracking().Where(v => v.FormKey == key).OrderBy(v => v.Version).ToListAsync(cancellationToken);
        var draft = versions.FirstOrDefault(v => v.Status == FormVersionStatus.Draft);
        var published = versions.Where(v => v.Status == FormVersionStatus.Published).ToList();
        var schema = draft?.Schema ?? published.LastOrDefault()?.Schema ?? new FormSchema();
        if (schema.Sections.Count == 0)
        {
            schema.Sections.Add(new FormSection());
        }

        return new FormDesign(key, schema, draft?.ConcurrencyStamp, published.LastOrDefault()?.Version ?? 0, PublishedKinds(published));
    }

    /// <summary>
    /// Saves the designer's work as the form's draft. <paramref name="stamp"/> is the draft the designer opened (null: none existed);
    /// a draft someone else saved meanwhile is not overwritten. A draft may be incomplete: the rules are enforced on publishing.
    /// </summary>
    public async Task<DesignSaveResult> SaveDraftAsync(string key, FormSchema schema, string? stamp, string? by, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var draft = await db.FormVersions.FirstOrDefaultAsync(v => v.FormKey == key && v.Status == FormVersionStatus.Draft, cancellationToken);
        if (draft?.ConcurrencyStamp != stamp)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        if (draft is null)
        {
            var last = await db.FormVersions.Where(v => v.FormKey == key).MaxAsync(v => (int?)v.Version, cancellationToken) ?? 0;
            draft = new FormVersion { FormKey = key, Version = last + 1, Status = FormVersionStatus.Draft, CreatedAt = clock.GetUtcNow(), CreatedBy = by };
            db.FormVersions.Add(draft);
        }

        draft.SchemaJson = schema.ToJson();
        draft.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        return new DesignSaveResult(DesignSaveStatus.Saved, draft.ConcurrencyStamp, draft.Version);
    }

    /// <summary>Publishes the draft as it was saved with <paramref name="stamp"/>, if it passes the design rules; it is never changed again.</summary>
    public async Task<DesignSaveResult> PublishAsync(string key, string stamp, string? by, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var versions = await db.FormVersions.Where(v => v.FormKey == key).ToListAsync(cancellationToken);
        var draft = versions.FirstOrDefault(v => v.Status == FormVersionStatus.Draft);
        if (draft is null)
        {
            return new DesignSaveResult(DesignSaveStatus.NothingToPublish);
        }

        if (draft.ConcurrencyStamp != stamp)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        var errors = SchemaRules.Validate(draft.Schema, PublishedKinds(versions.Where(v => v.Status == FormVersionStatus.Published).OrderBy(v => v.Version)),
            allowAttachments: FormKeys.IsRequestForm(key));
        if (errors.Count > 0)
        {
            return new DesignSaveResult(DesignSaveStatus.Invalid, Errors: errors);
        }

        draft.Status = FormVersionStatus.Published;
        draft.PublishedAt = clock.GetUtcNow();
        draft.PublishedBy = by;
        draft.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        return new DesignSaveResult(DesignSaveStatus.Saved, draft.ConcurrencyStamp, draft.Version);
    }

    /// <summary>Throws the draft away; the published version stays as it is.</summary>
    public async Task<DesignSaveResult> DiscardDraftAsync(string key, string stamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var draft = await db.FormVersions.FirstOrDefaultAsync(v => v.FormKey == key && v.Status == FormVersionStatus.Draft, cancellationToken);
        if (draft is null || draft.ConcurrencyStamp != stamp)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        db.FormVersions.Remove(draft);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new DesignSaveResult(DesignSaveStatus.Conflict);
        }

        return new DesignSaveResult(DesignSaveStatus.Saved);
    }

    private static Dictionary<string, FieldKind> PublishedKinds(IEnumerable<FormVersion> published)
    {
        var kinds = new Dictionary<string, FieldKind>(StringComparer.Ordinal);
        foreach (var version in published)
        {
            foreach (var field in version.Schema.Fields)
            {
                kinds[field.Key] = field.Kind;
            }
        }

        return kinds;
    }
}
