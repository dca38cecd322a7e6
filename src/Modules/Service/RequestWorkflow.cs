using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using AfterSales.Workflows;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Service;

/// <summary>
/// Runs service requests on the tenant's workflows: starts a request's instance when it is taken, tells a user which
/// transitions are open now, fires one with its form, and fires due timers. The engine decides; this stores its decision
/// with the request, its timeline and its timers in one transaction, checked against what the user (or the timer) saw.
/// </summary>
public sealed class RequestWorkflow(
    IDbFactory<IServiceDb> dbFactory, WorkflowBook workflows, WorkflowEngine engine, FormBook forms, TransitionForm transitionForms, ServiceTypeCatalog types,
    IAssigneeDirectory assignees, AfterSales.Modules.Sla.SlaBook sla, IEnumerable<IRequestActionHandler> actionHandlers,
    IEnumerable<ITransitionFormObserver> formObservers, IEnumerable<IRequestStepObserver> stepObservers, ITenantContext tenantContext, TimeProvider clock,
    ILogger<RequestWorkflow> log)
{
    private readonly IReadOnlyList<IRequestActionHandler> handlers = [.. actionHandlers];
    private readonly IReadOnlyList<ITransitionFormObserver> observers = [.. formObservers];
    private readonly IReadOnlyList<IRequestStepObserver> followers = [.. stepObservers];


    /// <summary>The published workflow new requests of <paramref name="type"/> start on.</summary>
    public async Task<WorkflowDefinition> DefinitionForAsync(ServiceType type, CancellationToken cancellationToken = default) =>
        await workflows.FindPublishedAsync(type.WorkflowKey, cancellationToken)
        ?? await workflows.FindPublishedAsync(ServiceType.DefaultWorkflowKey, cancellationToken)
        ?? throw new InvalidOperationException($"Tenant has no published workflow {type.WorkflowKey}.");

    /// <summary>The request fields a condition or a timer may read besides custom fields.</summary>
    public static readonly IReadOnlyList<string> RequestFieldKeys =
        ["number", "subject", "channel", "priority", "requestedDate", "createdAt", "customerId", "serialNumber", "modelCode", "warrantyState", TransitionForm.AssigneeField];

    /// <summary>
    /// The fields a tenant's transition may require, with their labels: the step fields of the default workflows and every custom
    /// field any service type's form has published. Publishing checks a workflow against these keys.
    /// </summary>
    public async Task<IReadOnlyList<(string Key, LocalizedText Label)>> FieldsAsync(CancellationToken cancellationToken = default)
    {
        var typeIds = (await types.ListAsync(includeRetired: true, cancellationToken)).Select(t => FormKeys.ForServiceType(t.Id)).ToList();
        var custom = await forms.FieldsEverPublishedAsync(typeIds, cancellationToken);
        var step = TransitionForm.StepFieldLabels.Where(s => !custom.ContainsKey(s.Key)).Select(s => (s.Key, s.Label));
        return [.. step, .. custom.Values.Select(f => (f.Key, new LocalizedText(f.LabelZh, f.LabelEn)))];
    }

    /// <summary>Every field key a workflow may name: request fields, step fields and custom fields.</summary>
    public async Task<IReadOnlySet<string>> FieldKeysAsync(CancellationToken cancellationToken = default) =>
        new HashSet<string>([.. RequestFieldKeys, .. (await FieldsAsync(cancellationToken)).Select(f => f.Key)], StringComparer.Ordinal);

    /// <summary>A version of one of the tenant's workflows, or null.</summary>
    public Task<WorkflowDefinition?> DefinitionAsync(string key, int version, CancellationToken cancellationToken = default) =>
        workflows.FindAsync(key, version, cancellationToken);

    /// <summary>The version of <paramref name="key"/> new requests start on, or null.</summary>
    public Task<WorkflowDefinition?> PublishedAsync(string key, CancellationToken cancellationToken = default) =>
        workflows.FindPublishedAsync(key, cancellationToken);

    /// <summary><paramref name="status"/> as named by a request's workflow version.</summary>
    public async Task<StatusLabel> LabelAsync(string workflowKey, int version, string status, CancellationToken cancellationToken = default)
    {
        await workflows.EnsureDefaultsAsync(cancellationToken);
        return Label(await workflows.FindAsync(workflowKey, version, cancellationToken), status);
    }

    /// <summary><paramref name="status"/> as <paramref name="definition"/> names it in the reader's language; its key when the version does not know it.</summary>
    public static StatusLabel Label(WorkflowDefinition? definition, string status) =>
        definition?.FindStatus(status) is { } known
            ? new StatusLabel(known.Key, known.Name.For(CultureInfo.CurrentUICulture), known.Color, known.Category)
            : new StatusLabel(status, status, null, StatusCategory.InProgress);

    /// <summary>Starts the instance of a request being inserted, in the caller's unit of work: its first status, timers and entry actions.</summary>
    internal async Task StartAsync(IServiceDb db, ServiceRequest request, ServiceType type, WorkflowDefinition definition,
        FormSchema form, IReadOnlyDictionary<string, string> customValues, RequestActor actor, CancellationToken cancellationToken)
    {
        var context = Context(request, type, form, customValues, Actor(actor), await sla.SettingsAsync(cancellationToken));
        var result = engine.Start(definition, InstanceId(request), context, request.CreatedAt);
        var record = new WorkflowInstanceRecord { Id = request.Id };
        db.WorkflowInstances.Add(record);
        var change = new Change(db, request, definition, form, customValues, actor, request.CreatedAt, context.Calendar);
        await ApplyAsync(change, record, result, note: null, details: null, cancellationToken);
    }

    /// <summary>The request's workflow as it stands and what <paramref name="actor"/> may do now.</summary>
    public async Task<RequestFlowState?> StateAsync(Guid requestId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var request = await db.ServiceRequests.AsNoTracking().Include(r => r.ServiceType).FirstOrDefaultAsync(r => r.Id == requestId, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var (definition, instance, _) = await LoadAsync(db, request, tracked: false, cancellationToken);
        var (form, values) = await FieldsAsync(db, request, cancellationToken);
        var context = Context(request, request.ServiceType!, form, values, Actor(actor), await sla.SettingsAsync(cancellationToken));
        var now = clock.GetUtcNow();
        var clocks = instance.SlaClocks.Select(c => new SlaView(c.Kind, c.State, c.DueAt(context.Calendar), c.IsBreached(now, context.Calendar))).ToList();
        return new RequestFlowState(definition, instance, engine.Available(definition, instance, context), clocks);
    }

    /// <summary>The form <paramref name="transition"/> asks for on this request.</summary>
    public async Task<FormSchema> FormAsync(Guid requestId, AvailableTransition transition, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var formVersionId = await db.ServiceRequests.Where(r => r.Id == requestId).Select(r => r.FormVersionId).FirstOrDefaultAsync(cancellationToken);
        var form = (await forms.VersionAsync(formVersionId, cancellationToken)).Schema;
        return await transitionForms.SchemaAsync(transition.RequiredFields, form, cancellationToken);
    }

    /// <summary>
    /// Fires <paramref name="transitionKey"/> on a request the user loaded with <paramref name="loadedStamp"/>, with the transition form's
    /// values: refused when the request changed meanwhile, when the transition is not open to the user now, or when the form is incomplete.
    /// <paramref name="alongside"/> records what another feature keeps with the step (a work report becoming submitted) in the same unit
    /// of work, so the two commit together or not at all; it must not save.
    /// </summary>
    public async Task<TransitionOutcome> FireAsync(string number, string transitionKey, IReadOnlyDictionary<string, string?> input, string? note,
        string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default,
        Func<TransitionFormContext, CancellationToken, Task>? alongside = null)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (note?.Length > ServiceRules.CommentLength)
        {
            return TransitionOutcome.Of(ActionStatus.Invalid, "Validation.CommentTooLong");
        }

        using var db = dbFactory.Create();
        var normalized = number.Trim().ToUpperInvariant();
        var request = await db.ServiceRequests.Include(r => r.ServiceType).FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        if (request is null)
        {
            return TransitionOutcome.Of(ActionStatus.NotFound);
        }

        if (request.ConcurrencyStamp != loadedStamp)
        {
            return TransitionOutcome.Of(ActionStatus.Conflict);
        }

        var (definition, instance, record) = await LoadAsync(db, request, tracked: true, cancellationToken);
        var (form, values) = await FieldsAsync(db, request, cancellationToken);
        var context = Context(request, request.ServiceType!, form, values, Actor(actor), await sla.SettingsAsync(cancellationToken));
        if (engine.Check(definition, instance, transitionKey, context) is { } refusal)
        {
            return new TransitionOutcome(ActionStatus.NotAllowed, Refusal: refusal.Message);
        }

        var transition = definition.FindTransition(transitionKey)!;
        var schema = await transitionForms.SchemaAsync(transition.RequiredFields, form, cancellationToken);
        var filled = TransitionForm.Read(schema, input, CultureInfo.CurrentUICulture);
        if (filled.Errors.Count > 0)
        {
            return new TransitionOutcome(ActionStatus.Invalid, FieldErrors: filled.Errors);
        }

        var result = engine.Fire(definition, instance, transitionKey, context, filled.EngineValues, expectedVersion: instance.Version);
        if (result.Refusal is { } refused)
        {
            return refused.Reason == RefusalReason.ConcurrencyConflict
                ? TransitionOutcome.Of(ActionStatus.Conflict)
                : new TransitionOutcome(ActionStatus.NotAllowed, Refusal: refused.Message);
        }

        // A required field that is one of the request's own custom fields is recorded on the request, not only in the timeline.
        var ownFields = filled.Values.Where(v => form.Fields.Any(f => f.Key == v.Key)).ToList();
        var merged = new Dictionary<string, string>(values, StringComparer.Ordinal);
        foreach (var (key, value) in ownFields)
        {
            merged[key] = value;
        }

        var change = new Change(db, request, definition, form, merged, actor, clock.GetUtcNow(), context.Calendar) { FieldsChanged = ownFields.Count > 0 };
        await ApplyAsync(change, record, result, note, filled.Details.Length == 0 ? null : Clip(filled.Details, RequestEvent.DetailsLength), cancellationToken);
        if (alongside is not null)
        {
            await alongside(new TransitionFormContext(db, request, result.FormValues, actor, change.Now), cancellationToken);
        }

        return await SaveAsync(db, cancellationToken) ? TransitionOutcome.Of(ActionStatus.Done) : TransitionOutcome.Of(ActionStatus.Conflict);
    }

    /// <summary>
    /// Fires a due timer in the current tenant scope. A timer the instance no longer waits for (it left the status, the timer
    /// was re-armed or has already fired) is marked done without effect, so a timer processed twice fires once.
    /// </summary>
    /// <returns>False when the request changed while the timer ran; the caller tries again later.</returns>
    public async Task<bool> FireTimerAsync(long timerId, CancellationToken cancellationToken = default) =>
        (await FireTimersAsync([timerId], cancellationToken)).Saved;

    /// <summary>
    /// Fires due timers of the current tenant as <see cref="FireTimerAsync"/> fires one, together: read with one query per table and
    /// stored in one transaction, so a poll pays for a commit per batch rather than per timer. All or nothing: when one request changed
    /// meanwhile, nothing is stored and the caller fires them one by one. A second timer of the same instance is left for the caller to
    /// fire after this batch is stored, since it must be judged against the state the first one leaves.
    /// </summary>
    public async Task<TimerBatch> FireTimersAsync(IReadOnlyCollection<long> timerIds, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        // The state is checked here too: in SQL, SQLite would pick the index on it and read every pending timer of every tenant.
        var timers = (await OwnByKeyAsync(db.WorkflowTimers.Where(t => timerIds.Contains(t.Id)), cancellationToken))
            .Where(t => t.State == WorkflowTimerState.Pending).OrderBy(t => t.Id).ToList();
        if (timers.Count == 0)
        {
            return new TimerBatch(true, []);
        }

        var ids = timers.Select(t => t.InstanceId).Distinct().ToList();
        var requests = (await OwnByKeyAsync(db.ServiceRequests.Include(r => r.ServiceType).Where(r => ids.Contains(r.Id)), cancellationToken)).ToDictionary(r => r.Id);
        var records = (await OwnByKeyAsync(db.WorkflowInstances.Where(i => ids.Contains(i.Id)), cancellationToken)).ToDictionary(i => i.Id);
        var values = await CustomFieldRows.ReadManyAsync(db.CustomFieldValues, ids, cancellationToken);
        // The requests of a batch were mostly taken with the same few versions of their type's form.
        var schemas = new Dictionary<Guid, FormSchema>();
        var settings = await sla.SettingsAsync(cancellationToken);
        var now = clock.GetUtcNow();
        var left = new List<long>();
        var fired = new HashSet<Guid>();
        foreach (var timer in timers)
        {
            if (!fired.Add(timer.InstanceId))
            {
                left.Add(timer.Id);
                continue;
            }

            timer.State = WorkflowTimerState.Done;
            timer.ProcessedAt = now;
            timer.ClaimedUntil = null;
            if (!requests.TryGetValue(timer.InstanceId, out var request))
            {
                continue;
            }

            var (definition, instance, record) = await ResolveAsync(db, request, records.GetValueOrDefault(request.Id), tracked: true, cancellationToken);
            var formKey = request.FormVersionId ?? Guid.Empty;
            if (!schemas.TryGetValue(formKey, out var form))
            {
                schemas[formKey] = form = (await forms.VersionAsync(request.FormVersionId, cancellationToken)).Schema;
            }

            var custom = values.GetValueOrDefault(request.Id) ?? new Dictionary<string, string>(StringComparer.Ordinal);
            var context = Context(request, request.ServiceType!, form, custom, WorkflowActor.System, settings);
            var result = engine.FireTimer(definition, instance, new TimerId(InstanceId(request), timer.TimerKey, timer.Generation), context);
            if (result.Succeeded)
            {
                var change = new Change(db, request, definition, form, custom, RequestActor.System, now, settings.Calendar) { FiredTimer = timer };
                await ApplyAsync(change, record, result, note: null, details: null, cancellationToken);
            }
            else if (result.Refusal!.Reason != RefusalReason.TimerStale)
            {
                log.LogWarning("Timer {Timer} of request {Request} refused: {Reason}", timer.TimerKey, request.Number, result.Refusal.Message.En);
            }
        }

        return new TimerBatch(await SaveAsync(db, cancellationToken), left);
    }

    /// <summary>How many open requests run on each older version of <paramref name="key"/>, by status: what a migration would move.</summary>
    public async Task<IReadOnlyList<OpenOnVersion>> OpenOnOlderVersionsAsync(string key, int version, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var open = await db.ServiceRequests.AsNoTracking()
            .Where(r => r.WorkflowKey == key && r.WorkflowVersion < version && r.StatusCategory != StatusCategory.Done)
            .GroupBy(r => new { r.WorkflowVersion, r.Status }).Select(g => new { g.Key.WorkflowVersion, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        return open.GroupBy(o => o.WorkflowVersion).OrderBy(g => g.Key)
            .Select(g => new OpenOnVersion(g.Key, g.ToDictionary(o => o.Status, o => o.Count, StringComparer.Ordinal))).ToList();
    }

    /// <summary>
    /// Moves the open requests of <paramref name="key"/> on <paramref name="fromVersion"/> to <paramref name="toVersion"/> by
    /// <paramref name="statusMap"/>; nothing moves when the map leaves a status in use uncovered. Each request moves on its own: one
    /// changed meanwhile is counted as skipped and stays where it is.
    /// </summary>
    public async Task<MigrationOutcome> MigrateAsync(string key, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> statusMap,
        RequestActor actor, CancellationToken cancellationToken = default)
    {
        var from = await workflows.FindAsync(key, fromVersion, cancellationToken);
        var to = await workflows.FindAsync(key, toVersion, cancellationToken);
        if (from is null || to is null)
        {
            return new MigrationOutcome(0, 0, [WorkflowMessages.DefinitionMismatch(key, from is null ? fromVersion : toVersion)]);
        }

        var plan = new AfterSales.Workflows.Versioning.MigrationPlan { From = from, To = to, StatusMap = statusMap };
        List<Guid> ids;
        using (var db = dbFactory.Create())
        {
            var open = await db.ServiceRequests.AsNoTracking()
                .Where(r => r.WorkflowKey == key && r.WorkflowVersion == fromVersion && r.StatusCategory != StatusCategory.Done)
                .Select(r => new { r.Id, r.Status }).ToListAsync(cancellationToken);
            if (plan.Check(open.Select(r => r.Status)) is { Count: > 0 } issues)
            {
                return new MigrationOutcome(0, 0, issues.Select(i => i.Message).ToList());
            }

            ids = open.Select(r => r.Id).ToList();
        }

        var migrator = new AfterSales.Workflows.Versioning.InstanceMigrator(clock);
        var settings = await sla.SettingsAsync(cancellationToken);
        var moved = 0;
        foreach (var id in ids)
        {
            using var db = dbFactory.Create();
            var request = await db.ServiceRequests.Include(r => r.ServiceType).FirstAsync(r => r.Id == id, cancellationToken);
            var (_, instance, record) = await LoadAsync(db, request, tracked: true, cancellationToken);
            var (form, values) = await FieldsAsync(db, request, cancellationToken);
            var result = migrator.Migrate(plan, instance, Context(request, request.ServiceType!, form, values, Actor(actor), settings));
            if (!result.Succeeded)
            {
                continue;
            }

            var change = new Change(db, request, to, form, values, actor, clock.GetUtcNow(), settings.Calendar);
            await ApplyAsync(change, record, result, note: $"v{fromVersion} → v{toVersion}", details: null, cancellationToken);
            moved += await SaveAsync(db, cancellationToken) ? 1 : 0;
        }

        return new MigrationOutcome(moved, ids.Count - moved, []);
    }

    /// <summary>
    /// Gives the open requests the tenant's current SLA targets: time already counted and pauses are kept, due dates and SLA timers
    /// follow the new targets. Batches are stored together; a request that changed meanwhile is retried on its own, then skipped.
    /// </summary>
    public async Task<(int Retargeted, int Skipped)> RetargetOpenAsync(RequestActor actor, CancellationToken cancellationToken = default)
    {
        const int batchSize = 100;
        List<Guid> ids;
        using (var db = dbFactory.Create())
        {
            ids = await db.ServiceRequests.AsNoTracking().Where(r => r.StatusCategory != StatusCategory.Done).OrderBy(r => r.CreatedAt)
                .Select(r => r.Id).ToListAsync(cancellationToken);
        }

        var settings = await sla.SettingsAsync(cancellationToken);
        var done = 0;
        foreach (var batch in ids.Chunk(batchSize))
        {
            if (await RetargetAsync(batch, settings, actor, cancellationToken))
            {
                done += batch.Length;
                continue;
            }

            foreach (var id in batch)
            {
                done += await RetargetAsync([id], settings, actor, cancellationToken) ? 1 : 0;
            }
        }

        return (done, ids.Count - done);
    }

    private async Task<bool> RetargetAsync(IReadOnlyCollection<Guid> ids, AfterSales.Modules.Sla.SlaSettings settings, RequestActor actor, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var requests = await db.ServiceRequests.Include(r => r.ServiceType).Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
        var values = await CustomFieldRows.ReadManyAsync(db.CustomFieldValues, ids, cancellationToken);
        var records = (await db.WorkflowInstances.Where(i => ids.Contains(i.Id)).ToListAsync(cancellationToken)).ToDictionary(i => i.Id);
        foreach (var request in requests)
        {
            var (definition, instance, record) = await ResolveAsync(db, request, records.GetValueOrDefault(request.Id), tracked: true, cancellationToken);
            var form = (await forms.VersionAsync(request.FormVersionId, cancellationToken)).Schema;
            var custom = values.GetValueOrDefault(request.Id) ?? new Dictionary<string, string>(StringComparer.Ordinal);
            var context = Context(request, request.ServiceType!, form, custom, Actor(actor), settings);
            var result = engine.RetargetSla(definition, instance, settings.Policy, context);
            if (result.Succeeded)
            {
                var change = new Change(db, request, definition, form, custom, actor, clock.GetUtcNow(), settings.Calendar);
                await ApplyAsync(change, record, result, note: null, details: null, cancellationToken);
            }
        }

        return await SaveAsync(db, cancellationToken);
    }

    // Rows of the current tenant by their keys, the tenant checked on the rows rather than in SQL: without statistics SQLite answers
    // "TenantId = ? AND Id IN (…)" by reading the tenant's whole slice of an index instead of each key's entry, 2.5 ms a query for a
    // tenant of 10,000 requests. The save hook still refuses any change to another tenant's row.
    private async Task<List<T>> OwnByKeyAsync<T>(IQueryable<T> rows, CancellationToken cancellationToken) where T : class, ITenantOwned
    {
        var tenant = tenantContext.Tenant!.Id;
        return (await rows.IgnoreQueryFilters([TenantModelBuilderExtensions.FilterName]).ToListAsync(cancellationToken)).Where(r => r.TenantId == tenant).ToList();
    }

    // SaveChanges is a transaction of its own, begun once the changes are detected, audited and turned into SQL: SQLite's single write
    // lock is held while they are written, not while they are prepared. The timer poll's concurrent batches queue on that lock.
    private static async Task<bool> SaveAsync(IServiceDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException)
        {
            // A concurrency token moved (another transition or timer was stored first) or the instance was adopted twice.
            return false;
        }
    }

    /// <summary>The request's definition and instance; a request taken before workflows ran on the engine is adopted where it stands.</summary>
    private async Task<(WorkflowDefinition Definition, WorkflowInstance Instance, WorkflowInstanceRecord Record)> LoadAsync(
        IServiceDb db, ServiceRequest request, bool tracked, CancellationToken cancellationToken)
    {
        var records = tracked ? db.WorkflowInstances : db.WorkflowInstances.AsNoTracking();
        return await ResolveAsync(db, request, await records.FirstOrDefaultAsync(i => i.Id == request.Id, cancellationToken), tracked, cancellationToken);
    }

    /// <summary>The definition and instance of a request's stored <paramref name="record"/>; null adopts the request where it stands.</summary>
    private async Task<(WorkflowDefinition Definition, WorkflowInstance Instance, WorkflowInstanceRecord Record)> ResolveAsync(
        IServiceDb db, ServiceRequest request, WorkflowInstanceRecord? record, bool tracked, CancellationToken cancellationToken)
    {
        await workflows.EnsureDefaultsAsync(cancellationToken);
        if (record is not null)
        {
            var instance = WorkflowJson.DeserializeInstance(record.Json);
            var pinned = await workflows.FindAsync(instance.DefinitionKey, instance.DefinitionVersion, cancellationToken)
                ?? throw new InvalidOperationException($"Workflow {instance.DefinitionKey} v{instance.DefinitionVersion} of {request.Number} is missing.");
            return (pinned, instance, record);
        }

        var definition = (request.WorkflowVersion > 0 ? await workflows.FindAsync(request.WorkflowKey, request.WorkflowVersion, cancellationToken) : null)
            ?? await DefinitionForAsync(request.ServiceType!, cancellationToken);
        var adopted = new WorkflowInstance
        {
            Id = InstanceId(request),
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            Status = definition.FindStatus(request.Status) is not null ? request.Status : definition.StartStatus!.Key,
            StatusEnteredAt = request.UpdatedAt,
            StartedAt = request.CreatedAt,
            Attempts = request.FailedAttempts > 0
                ? ImmutableSortedDictionary<string, int>.Empty.Add("visit", request.FailedAttempts)
                : ImmutableSortedDictionary<string, int>.Empty,
            Variables = definition.Variables.ToDictionary(v => v.Key, v => v.Default).ToImmutableSortedDictionary(StringComparer.Ordinal),
        };
        record = new WorkflowInstanceRecord { Id = request.Id };
        if (tracked)
        {
            db.WorkflowInstances.Add(record);
        }

        return (definition, adopted, record);
    }

    private async Task<(FormSchema Form, IReadOnlyDictionary<string, string> Values)> FieldsAsync(IServiceDb db, ServiceRequest request, CancellationToken cancellationToken) =>
        ((await forms.VersionAsync(request.FormVersionId, cancellationToken)).Schema,
            await CustomFieldRows.ReadAsync(db.CustomFieldValues, request.Id, cancellationToken));

    // What one engine result changes: the request, its timeline, its custom fields, its instance and timers.
    private sealed record Change(IServiceDb Db, ServiceRequest Request, WorkflowDefinition Definition, FormSchema Form,
        IReadOnlyDictionary<string, string> CustomValues, RequestActor Actor, DateTimeOffset Now, BusinessCalendar Calendar)
    {
        public bool FieldsChanged { get; set; }
        public WorkflowTimer? FiredTimer { get; init; }
    }

    private async Task ApplyAsync(Change change, WorkflowInstanceRecord record, WorkflowResult result, string? note, string? details, CancellationToken cancellationToken)
    {
        var (db, request, definition, _, _, actor, now, _) = change;
        var instance = result.Instance!;
        var from = request.Status;
        var assignedBefore = request.AssigneeId;
        var wasLocked = request.IsLocked;
        var locks = false;
        var fieldUpdates = new Dictionary<string, string?>(StringComparer.Ordinal);
        var isNew = db.Entry(request).State == EntityState.Added;
        var delegated = new List<ActionStep>();
        if (change.FiredTimer is { } timer)
        {
            // The timer's key: its name is read from the pinned version when the timeline is shown, in the reader's language.
            db.RequestEvents.Add(Event(request, now, RequestEventKind.TimerFired, actor, timer.TimerKey));
        }

        foreach (var step in result.Actions)
        {
            switch (step.Action)
            {
                case AssignAction { To: AssigneeSource.FormField or AssigneeSource.User } assign:
                    var userId = assign.To == AssigneeSource.FormField ? Text(result.FormValues.GetValueOrDefault(assign.Value ?? "")) : assign.Value;
                    if (userId is not null && await assignees.FindAsync(userId, cancellationToken) is { } assignee)
                    {
                        request.AssigneeId = assignee.UserId;
                        request.AssigneeName = assignee.Name;
                        db.RequestEvents.Add(Event(request, now, RequestEventKind.Assigned, actor, assignee.Name));
                    }

                    break;
                case SetFieldAction set:
                    var value = set.FromFormField is { } source ? Text(result.FormValues.GetValueOrDefault(source)) : set.Value;
                    await SetFieldAsync(request, set.Field, value, fieldUpdates, cancellationToken);
                    break;
                case AddCommentAction comment:
                    var text = comment.FromFormField is { } field ? Text(result.FormValues.GetValueOrDefault(field)) : comment.Text?.For(CultureInfo.CurrentUICulture);
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        var added = Event(request, now, RequestEventKind.Comment, actor, Clip(text.Trim(), ServiceRules.CommentLength));
                        added.IsPublic = comment.IsPublic;
                        db.RequestEvents.Add(added);
                    }

                    break;
                case LockForManagerAction lockAction:
                    locks = true;
                    db.RequestEvents.Add(Event(request, now, RequestEventKind.Locked, actor, lockAction.Reason));
                    break;
                default:
                    delegated.Add(step);
                    break;
            }
        }

        var status = definition.FindStatus(instance.Status)!;
        request.Status = status.Key;
        request.StatusCategory = status.Category;
        request.WorkflowKey = instance.DefinitionKey;
        request.WorkflowVersion = instance.DefinitionVersion;
        request.FailedAttempts = instance.Attempts.Values.Sum();
        // A lock holds until a transition moves the request on; the manager's release is such a transition.
        request.IsLocked = locks || (wasLocked && from == status.Key);
        request.ClosedAt = status.Category == StatusCategory.Done ? request.ClosedAt ?? now : null;
        // Lists sort and flag overdue requests by this column: the resolution clock's due date, none while the clock is paused.
        if (instance.Clock(SlaClockKind.Resolution) is { } resolution && resolution.State != SlaClockState.Stopped)
        {
            request.DueAt = resolution.DueAt(change.Calendar)?.ToUniversalTime();
        }

        if (from != status.Key && !isNew)
        {
            var changed = Event(request, now, RequestEventKind.StatusChanged, actor, note);
            changed.FromStatus = from;
            changed.ToStatus = status.Key;
            changed.Details = details;
            changed.IsPublic = true;
            db.RequestEvents.Add(changed);
        }
        else if (note is not null || details is not null)
        {
            var comment = Event(request, now, RequestEventKind.Comment, actor, note ?? "");
            comment.Details = details;
            db.RequestEvents.Add(comment);
        }

        foreach (var step in delegated)
        {
            if (handlers.FirstOrDefault(h => h.CanHandle(step.Action)) is { } handler)
            {
                await handler.HandleAsync(new RequestActionContext(db, request, step.Action, step.ElementKey, result.FormValues, actor, now, status.Name), cancellationToken);
            }
            else
            {
                // A definition may name an action no installed feature carries out (an import from a richer edition); the step stays on record.
                log.LogWarning("No handler for workflow action {Kind} of {Element} on {Request}", step.Action.GetType().Name, step.ElementKey, request.Number);
            }
        }

        if (result.FormValues.Count > 0)
        {
            foreach (var observer in observers)
            {
                await observer.ObserveAsync(new TransitionFormContext(db, request, result.FormValues, actor, now), cancellationToken);
            }
        }

        if (!isNew)
        {
            var step = new RequestStepContext(db, request, from, assignedBefore, actor, now);
            if (step.Ended || step.Reassigned)
            {
                foreach (var follower in followers)
                {
                    await follower.ObserveAsync(step, cancellationToken);
                }
            }
        }

        var custom = new Dictionary<string, string>(change.CustomValues, StringComparer.Ordinal);
        foreach (var (key, value) in fieldUpdates)
        {
            if (value is null)
            {
                custom.Remove(key);
            }
            else
            {
                custom[key] = value;
            }
        }

        if ((change.FieldsChanged || fieldUpdates.Count > 0) && !isNew)
        {
            await CustomFieldRows.ReplaceAsync(db.CustomFieldValues, request.Id, change.Form, custom, cancellationToken);
        }

        record.DefinitionKey = instance.DefinitionKey;
        record.DefinitionVersion = instance.DefinitionVersion;
        record.Status = instance.Status;
        record.Version = instance.Version;
        record.Json = WorkflowJson.Serialize(instance);
        await ScheduleAsync(db, request.Id, result.TimerCommands, isNew, cancellationToken);
        request.UpdatedAt = now;
        request.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }

    private async Task SetFieldAsync(ServiceRequest request, string field, string? value, Dictionary<string, string?> customUpdates, CancellationToken cancellationToken)
    {
        switch (field)
        {
            case TransitionForm.AssigneeField:
                var assignee = value is null ? null : await assignees.FindAsync(value, cancellationToken);
                request.AssigneeId = assignee?.UserId;
                request.AssigneeName = assignee?.Name;
                break;
            case "priority" when Enum.TryParse<RequestPriority>(value, ignoreCase: true, out var priority):
                request.Priority = priority;
                break;
            case "requestedDate":
                request.RequestedDate = DateOnly.TryParseExact(value, FieldValues.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;
                break;
            default:
                customUpdates[field] = value;
                break;
        }
    }

    private static async Task ScheduleAsync(IServiceDb db, Guid instanceId, IReadOnlyList<TimerCommand> commands, bool isNew, CancellationToken cancellationToken)
    {
        if (commands.Count == 0)
        {
            return;
        }

        // Loaded timers join the ones this unit of work adds, so one lookup in the tracker finds either.
        if (!isNew)
        {
            await db.WorkflowTimers.Where(t => t.InstanceId == instanceId && t.State == WorkflowTimerState.Pending).LoadAsync(cancellationToken);
        }

        foreach (var command in commands)
        {
            var existing = db.WorkflowTimers.Local.FirstOrDefault(t => t.InstanceId == instanceId && t.TimerKey == command.Id.TimerKey
                && t.Generation == command.Id.Generation && t.State == WorkflowTimerState.Pending);
            if (command.Kind == TimerCommandKind.Cancel)
            {
                if (existing is not null)
                {
                    existing.State = WorkflowTimerState.Cancelled;
                }
            }
            else if (existing is not null)
            {
                existing.DueAt = command.DueAt!.Value.ToUniversalTime();
            }
            else
            {
                db.WorkflowTimers.Add(new WorkflowTimer
                {
                    InstanceId = instanceId, TimerKey = command.Id.TimerKey, Generation = command.Id.Generation,
                    // UTC: the SQLite column orders instants by their clock reading, which only compares across one offset.
                    DueAt = command.DueAt!.Value.ToUniversalTime(),
                });
            }
        }
    }

    private static WorkflowContext Context(ServiceRequest request, ServiceType type, FormSchema form, IReadOnlyDictionary<string, string> values, WorkflowActor actor,
        AfterSales.Modules.Sla.SlaSettings sla)
    {
        var custom = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, value) in values)
        {
            custom[key] = form.Fields.FirstOrDefault(f => f.Key == key) is { } field ? FieldValues.ToJson(field, value) : value;
        }

        var snapshot = new RequestSnapshot
        {
            Id = request.Id.ToString(),
            ServiceType = type.Code,
            Priority = request.Priority.ToString(),
            AssigneeId = request.AssigneeId,
            Fields = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["number"] = request.Number,
                ["subject"] = request.Subject,
                ["channel"] = request.Channel,
                ["priority"] = request.Priority.ToString(),
                ["requestedDate"] = request.RequestedDate,
                ["createdAt"] = request.CreatedAt,
                ["customerId"] = request.CustomerId?.ToString(),
                ["serialNumber"] = request.SerialNumber,
                ["modelCode"] = request.ModelCode,
                ["warrantyState"] = request.WarrantyState,
                ["assigneeId"] = request.AssigneeId,
            },
            CustomFields = custom,
        };
        return new WorkflowContext { Actor = actor, Request = snapshot, Calendar = sla.Calendar, SlaPolicy = sla.Policy };
    }

    // Only the system itself bypasses roles; a caller without a user id (an API client) is held to its roles like anyone.
    private static WorkflowActor Actor(RequestActor actor) =>
        ReferenceEquals(actor, RequestActor.System) ? WorkflowActor.System : new WorkflowActor(actor.UserId ?? "", actor.Name, actor.Roles);

    private static string InstanceId(ServiceRequest request) => request.Id.ToString();

    private static string? Text(object? value) => value switch
    {
        null => null,
        string s => string.IsNullOrWhiteSpace(s) ? null : s,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;

    private static RequestEvent Event(ServiceRequest request, DateTimeOffset at, RequestEventKind kind, RequestActor actor, string? text) =>
        RequestEvent.Of(actor, request.Id, at, kind, text);
}

/// <summary>A request's workflow for its page: the pinned definition, the instance, the transitions open to the user, the SLA clocks.</summary>
public sealed record RequestFlowState(WorkflowDefinition Definition, WorkflowInstance Instance, IReadOnlyList<AvailableTransition> Transitions, IReadOnlyList<SlaView> Clocks)
{
    public StatusDefinition? Status => Definition.FindStatus(Instance.Status);
}

public sealed record SlaView(SlaClockKind Kind, SlaClockState State, DateTimeOffset? DueAt, bool Breached);

/// <summary>How a batch of timers went: stored or not (a request changed meanwhile), and the timers left to fire one by one after it.</summary>
public sealed record TimerBatch(bool Saved, IReadOnlyList<long> Left);

/// <summary>Open requests pinned to one version, by status key.</summary>
public sealed record OpenOnVersion(int Version, IReadOnlyDictionary<string, int> ByStatus)
{
    public int Total => ByStatus.Values.Sum();
}

/// <summary>What a migration did: requests moved, requests left (changed meanwhile), or why nothing moved.</summary>
public sealed record MigrationOutcome(int Moved, int Skipped, IReadOnlyList<WorkflowMessage> Problems);

/// <summary>How a transition went: done, or why not (a refusal from the workflow in the user's language, or the form's field errors).</summary>
public sealed record TransitionOutcome(ActionStatus Status, string? ErrorKey = null, WorkflowMessage? Refusal = null, IReadOnlyList<FieldError>? FieldErrors = null)
{
    public static TransitionOutcome Of(ActionStatus status, string? errorKey = null) => new(status, errorKey);
}
