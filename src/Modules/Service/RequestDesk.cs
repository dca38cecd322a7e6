using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>Taking, finding and moving the tenant's service requests, for the pages and the API.</summary>
public sealed class RequestDesk(
    IDbFactory<IServiceDb> dbFactory, ServiceTypeCatalog types, DictionaryBook dictionaries, CustomerDirectory customers, SerialRegistry serials, AgreementBook agreements,
    RequestWorkflow workflow, IAssigneeDirectory assignees, FormBook forms, FieldLookup lookup, ITenantContext tenantContext, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>How often numbering is retried when another request took the same number at the same moment.</summary>
    private const int NumberingAttempts = 5;

    /// <param name="audience">Staff fill every field of the type's form; a portal customer only its public ones.</param>
    public async Task<RequestSaveResult> CreateAsync(
        RequestInput input, RequestActor actor, CancellationToken cancellationToken = default, FormAudience audience = FormAudience.Staff)
    {
        var errors = ServiceRules.Validate(input);
        var type = input.ServiceTypeId == Guid.Empty ? null : await types.GetAsync(input.ServiceTypeId, cancellationToken);
        if (!errors.ContainsKey(nameof(input.ServiceTypeId)) && type is not { IsRetired: false })
        {
            errors[nameof(input.ServiceTypeId)] = "Validation.TypeUnknown";
        }

        CustomerRef? customer = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerCode) && (customer = await customers.FindByCodeAsync(input.CustomerCode, cancellationToken)) is null)
        {
            errors[nameof(input.CustomerCode)] = "Validation.CustomerUnknown";
        }

        SerialView? unit = null;
        if (!string.IsNullOrWhiteSpace(input.SerialNumber))
        {
            unit = await serials.FindAsync(input.SerialNumber, cancellationToken);
            if (unit is null)
            {
                errors[nameof(input.SerialNumber)] = "Validation.SerialUnknown";
            }
            else if (customer is not null && unit.CustomerId is { } unitOwnerId && unitOwnerId != customer.Id)
            {
                errors[nameof(input.SerialNumber)] = "Validation.SerialOfAnotherCustomer";
            }
        }

        var category = input.CategoryId is { } categoryId ? await dictionaries.FindAsync(categoryId, cancellationToken) : null;
        if (input.CategoryId is not null && category is not { IsRetired: false, Kind: DictionaryKind.FaultCategory or DictionaryKind.ComplaintCategory })
        {
            errors[nameof(input.CategoryId)] = "Validation.CategoryUnknown";
        }

        await CheckChoicesAsync(input, errors, cancellationToken);
        var form = type is { IsRetired: false } ? await forms.PublishedAsync(FormKeys.ForServiceType(type.Id), cancellationToken) : PublishedForm.None;
        var fields = FormRules.Check(form.Schema, input.CustomFields, audience);
        var fieldErrors = fields.Errors.Concat(await lookup.CheckReferencesAsync(form.Schema, fields.Values, cancellationToken))
            .Concat(AttachmentErrors(form.Schema, fields.Values, new HashSet<string>())).ToList();
        if (errors.Count > 0 || fieldErrors.Count > 0)
        {
            return new RequestSaveResult(RequestSaveStatus.Invalid, Errors: errors, FieldErrors: fieldErrors, Form: form.Schema);
        }

        // A unit brings its owner when the caller named none.
        var owner = customer ?? (unit is { CustomerId: { } unitOwner } ? new CustomerRef(unitOwner, unit.CustomerCode ?? "", unit.CustomerName ?? "") : null);
        var customerId = owner?.Id;
        var definition = await workflow.DefinitionForAsync(type!, cancellationToken);
        var today = tenantContext.Tenant.TodayFor(clock.GetUtcNow());
        var coverage = customerId is { } id && unit is not null ? await agreements.CoverageAsync(id, unit.Number, today, cancellationToken) : null;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var request = await InsertAsync(input, actor, type!, definition, customerId, unit, coverage, today, form, fields.Values, cancellationToken);
                // Everything the caller shows next is at hand: reading the request back would cost a context and three queries.
                return new RequestSaveResult(RequestSaveStatus.Saved, request.Number,
                    Created: Detail(request, type!, owner, category, RequestWorkflow.Label(definition, request.Status)));
            }
            catch (DbUpdateException) when (attempt < NumberingAttempts)
            {
                // Another request took this number or moved a counter meanwhile: number again from the database.
            }
        }
    }

    /// <summary>The channel and priority must be ones the tenant offers; the channel is stored as the tenant spells its code.</summary>
    private async Task CheckChoicesAsync(RequestInput input, Dictionary<string, string> errors, CancellationToken cancellationToken)
    {
        // What the system sets is always taken (a tenant retires the API channel from the staff's choices, not from the API),
        // and skipping the lookup keeps an integration's create one query shorter.
        if (input.Channel is not (RequestChannels.Api or RequestChannels.Portal or RequestChannels.Plan))
        {
            var channels = await dictionaries.CodesAsync(DictionaryKind.Channel, cancellationToken);
            if (channels.GetValueOrDefault(input.Channel?.Trim() ?? "") is { IsRetired: false } channel)
            {
                input.Channel = channel.Code!;
            }
            else
            {
                errors[nameof(input.Channel)] = "Validation.ChannelUnknown";
            }
        }

        if (input.Priority is { } priority
            && (await dictionaries.CodesAsync(DictionaryKind.Priority, cancellationToken)).GetValueOrDefault(priority.ToString()) is { IsRetired: true })
        {
            errors[nameof(input.Priority)] = "Validation.PriorityRetired";
        }
    }

    private async Task<ServiceRequest> InsertAsync(
        RequestInput input, RequestActor actor, ServiceType type, WorkflowDefinition definition, Guid? customerId, SerialView? unit, AgreementCoverage? coverage, DateOnly today,
        PublishedForm form, IReadOnlyDictionary<string, string> fieldValues, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var counter = await db.RequestNumberCounters.FirstOrDefaultAsync(c => c.Day == today, cancellationToken);
        if (counter is null)
        {
            counter = new RequestNumberCounter { Day = today };
            db.RequestNumberCounters.Add(counter);
        }

        counter.Last++;
        var now = clock.GetUtcNow();
        var request = new ServiceRequest
        {
            Number = $"SR-{today:yyyyMMdd}-{counter.Last:D4}",
            ServiceTypeId = type.Id,
            CustomerId = customerId,
            ContactName = Clean(input.ContactName),
            ContactPhone = Clean(input.ContactPhone),
            SerialNumberId = unit?.Id,
            SerialNumber = unit?.Number,
            ModelCode = unit?.ModelCode,
            WarrantyState = unit?.Warranty.State.ToString(),
            WarrantyEnd = unit?.Warranty.End,
            AgreementNumber = coverage?.Number,
            Channel = input.Channel,
            Priority = input.Priority ?? type.DefaultPriority,
            RequestedDate = input.RequestedDate,
            CategoryId = input.CategoryId,
            Subject = input.Subject.Trim(),
            Description = Clean(input.Description),
            CreatedAt = now,
            UpdatedAt = now,
            CreatedBy = actor.Name,
            FormVersionId = form.VersionId,
        };
        db.ServiceRequests.Add(request);
        db.CustomFieldValues.AddRange(CustomFieldRows.For(request.Id, form.Schema, fieldValues));
        await workflow.StartAsync(db, request, type, definition, form.Schema, fieldValues, actor, cancellationToken);
        db.RequestEvents.Add(new RequestEvent
        {
            ServiceRequestId = request.Id, At = now, Kind = RequestEventKind.Created, ByUserId = actor.UserId, By = actor.Name,
            ToStatus = request.Status, IsPublic = true,
        });
        await CountAsync(db, ServiceCounterKind.ServiceType, type.Code, cancellationToken);
        if (unit is not null)
        {
            await CountAsync(db, ServiceCounterKind.ProductModel, unit.ModelCode, cancellationToken);
        }

        if (input.CategoryId is { } category)
        {
            await CountAsync(db, ServiceCounterKind.ProblemCategory, category.ToString(), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return request;
    }

    private static async Task CountAsync(IServiceDb db, ServiceCounterKind kind, string key, CancellationToken cancellationToken)
    {
        var counter = await db.ServiceCounters.FirstOrDefaultAsync(c => c.Kind == kind && c.Key == key, cancellationToken);
        if (counter is null)
        {
            db.ServiceCounters.Add(new ServiceCounter { Kind = kind, Key = key, Count = 1 });
        }
        else
        {
            counter.Count++;
        }
    }

    /// <summary>How many requests were taken per product model or per service type, most first.</summary>
    public async Task<IReadOnlyList<(string Key, int Count)>> CountersAsync(ServiceCounterKind kind, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return (await db.ServiceCounters.AsNoTracking().Where(c => c.Kind == kind).OrderByDescending(c => c.Count).ThenBy(c => c.Key)
            .Select(c => new { c.Key, c.Count }).ToListAsync(cancellationToken)).Select(c => (c.Key, c.Count)).ToList();
    }

    /// <summary>The most rows an export writes.</summary>
    public const int MaxExportRows = 100_000;

    public Task<RequestPage> SearchAsync(RequestQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query, MaxPageSize, cancellationToken);

    /// <summary>Every request matching the filter (sorted like the list), for an export.</summary>
    public Task<RequestPage> ExportAsync(RequestQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query with { Skip = 0, Take = MaxExportRows }, MaxExportRows, cancellationToken);

    /// <summary>The custom-field values of several requests (an export's rows).</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> CustomFieldsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await CustomFieldRows.ReadManyAsync(db.CustomFieldValues, ids, cancellationToken);
    }

    private static IQueryable<ServiceRequest> DueBy(IQueryable<ServiceRequest> requests, DateTimeOffset now, DateTimeOffset until) =>
        requests.Where(r => r.StatusCategory != StatusCategory.Done && r.DueAt >= now && r.DueAt < until);

    private async Task<RequestPage> QueryAsync(RequestQuery query, int maxTake, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var requests = db.ServiceRequests.AsNoTracking();
        var now = clock.GetUtcNow();
        requests = query.View switch
        {
            RequestView.Mine => requests.Where(r => r.AssigneeId == query.UserId && r.StatusCategory != StatusCategory.Done),
            // In progress without an assignee: an engineer declined it, and it waits for the dispatcher again.
            RequestView.Unassigned => requests.Where(r => (r.StatusCategory == StatusCategory.New || r.StatusCategory == StatusCategory.InProgress)
                                                          && r.AssigneeId == null && !r.IsLocked),
            RequestView.Overdue => requests.Where(r => r.DueAt < now && r.StatusCategory != StatusCategory.Done),
            RequestView.Locked => requests.Where(r => r.IsLocked),
            RequestView.Open => requests.Where(r => r.StatusCategory != StatusCategory.Done),
            RequestView.DueToday => DueBy(requests, now, tenantContext.Tenant.MidnightUtc(tenantContext.Tenant.TodayFor(now).AddDays(1))),
            RequestView.AtRisk => DueBy(requests, now, now + RequestViews.AtRiskWithin),
            _ => requests,
        };
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim();
            var upper = term.ToUpperInvariant();
            var pattern = SearchPattern.Containing(term);
            requests = requests.Where(r => r.Number.StartsWith(upper) || r.SerialNumber!.StartsWith(upper) || r.ContactPhone == term
                                           || EF.Functions.Like(r.Subject, pattern, SearchPattern.Escape));
        }

        if (!string.IsNullOrEmpty(query.Status))
        {
            var status = query.Status;
            requests = requests.Where(r => r.Status == status);
        }

        if (query.ServiceTypeId is { } typeId)
        {
            requests = requests.Where(r => r.ServiceTypeId == typeId);
        }

        if (query.CustomerId is { } customerId)
        {
            requests = requests.Where(r => r.CustomerId == customerId);
        }

        if (!string.IsNullOrWhiteSpace(query.SerialNumber))
        {
            var number = SerialRegistry.Normalize(query.SerialNumber);
            requests = requests.Where(r => r.SerialNumber == number);
        }

        requests = requests.WhereFields(db.CustomFieldValues, query.Fields, r => r.Id);
        var total = await requests.CountAsync(cancellationToken);
        var descending = query.Descending;
        var ordered = query.FieldSort is { } fieldSort
            ? requests.OrderByField(db.CustomFieldValues, fieldSort, r => r.Id).ThenByDescending(r => r.CreatedAt)
            : query.Sort switch
            {
                RequestSort.Number => descending ? requests.OrderByDescending(r => r.Number) : requests.OrderBy(r => r.Number),
                RequestSort.Priority => (descending ? requests.OrderByDescending(r => r.Priority) : requests.OrderBy(r => r.Priority)).ThenByDescending(r => r.CreatedAt),
                RequestSort.Status => (descending
                    ? requests.OrderByDescending(r => r.StatusCategory).ThenByDescending(r => r.Status)
                    : requests.OrderBy(r => r.StatusCategory).ThenBy(r => r.Status)).ThenByDescending(r => r.CreatedAt),
                // Requests without a deadline or date go last either way.
                RequestSort.Due => (descending ? requests.OrderBy(r => r.DueAt == null).ThenByDescending(r => r.DueAt) : requests.OrderBy(r => r.DueAt == null).ThenBy(r => r.DueAt)),
                RequestSort.RequestedDate => descending
                    ? requests.OrderBy(r => r.RequestedDate == null).ThenByDescending(r => r.RequestedDate)
                    : requests.OrderBy(r => r.RequestedDate == null).ThenBy(r => r.RequestedDate),
                _ => descending ? requests.OrderByDescending(r => r.CreatedAt) : requests.OrderBy(r => r.CreatedAt),
            };
        var page = await ordered.ThenByDescending(r => r.Number)
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, maxTake))
            .Select(r => new
            {
                r.Id, r.Number, r.ServiceTypeId, r.Subject, r.CustomerId, r.SerialNumber, r.Status, r.StatusCategory, r.Priority, r.AssigneeName, r.CreatedAt, r.DueAt,
                r.ConcurrencyStamp, r.WorkflowKey, r.WorkflowVersion, r.RequestedDate,
            })
            .ToListAsync(cancellationToken);
        var owners = await customers.RefsAsync(page.Where(r => r.CustomerId != null).Select(r => r.CustomerId!.Value), cancellationToken);
        var typesById = (await types.ListAsync(includeRetired: true, cancellationToken)).ToDictionary(t => t.Id);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var labels = new Dictionary<(string, int, string), StatusLabel>();
        foreach (var r in page.DistinctBy(r => (r.WorkflowKey, r.WorkflowVersion, r.Status)))
        {
            labels[(r.WorkflowKey, r.WorkflowVersion, r.Status)] = await workflow.LabelAsync(r.WorkflowKey, r.WorkflowVersion, r.Status, cancellationToken);
        }

        var rows = page.Select(r =>
        {
            var type = typesById[r.ServiceTypeId];
            var label = labels[(r.WorkflowKey, r.WorkflowVersion, r.Status)];
            return new RequestRow(r.Id, r.Number, type.Code, type.NameIn(culture), type.Color, r.Subject,
                r.CustomerId is { } id ? owners.GetValueOrDefault(id)?.Name : null, r.SerialNumber, r.Status, r.Priority, r.AssigneeName, r.CreatedAt, r.DueAt,
                r.StatusCategory != StatusCategory.Done && r.DueAt < now, r.ConcurrencyStamp, label.Name, label.Color, r.RequestedDate);
        }).ToList();
        return new RequestPage(rows, total);
    }

    public async Task<RequestDetail?> GetAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalized = number.Trim().ToUpperInvariant();
        using var db = dbFactory.Create();
        var r = await db.ServiceRequests.AsNoTracking().Include(r => r.ServiceType).FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        if (r is null)
        {
            return null;
        }

        var owner = r.CustomerId is { } id ? (await customers.RefsAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        var category = r.CategoryId is { } categoryId ? await dictionaries.FindAsync(categoryId, cancellationToken) : null;
        return Detail(r, r.ServiceType!, owner, category, await workflow.LabelAsync(r.WorkflowKey, r.WorkflowVersion, r.Status, cancellationToken));
    }

    private static RequestDetail Detail(ServiceRequest r, ServiceType type, CustomerRef? owner, DictionaryEntry? category, StatusLabel status)
    {
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return new RequestDetail(r.Id, r.Number, r.ServiceTypeId, type.Code, type.NameIn(culture),
            r.CustomerId, owner?.Code, owner?.Name, r.ContactName, r.ContactPhone, r.SerialNumber, r.ModelCode, r.WarrantyState, r.WarrantyEnd, r.AgreementNumber,
            r.Channel, r.Priority, r.RequestedDate, r.CategoryId, category?.NameIn(culture), r.Subject,
            r.Description, r.Status, r.AssigneeId, r.AssigneeName, r.FailedAttempts, r.CreatedAt, r.CreatedBy,
            r.DueAt, r.ClosedAt, r.ConcurrencyStamp, r.FormVersionId, status.Name, status.Color, r.IsLocked, r.WorkflowKey, r.WorkflowVersion);
    }

    /// <summary>
    /// The custom fields a list can filter, sort and export by: every field the type's form (or, with no type, any type's form)
    /// ever published, so requests taken under an older version stay findable.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, FieldDefinition>> ListFieldsAsync(Guid? serviceTypeId, CancellationToken cancellationToken = default)
    {
        var typeIds = serviceTypeId is { } id ? [id] : (await types.ListAsync(includeRetired: true, cancellationToken)).Select(t => t.Id).ToList();
        return await forms.FieldsEverPublishedAsync(typeIds.Select(FormKeys.ForServiceType).ToList(), cancellationToken);
    }

    /// <summary>A request's custom fields, by the form version it was taken with.</summary>
    public async Task<FilledForm> FieldsAsync(RequestDetail request, CancellationToken cancellationToken = default)
    {
        var form = await forms.VersionAsync(request.FormVersionId, cancellationToken);
        using var db = dbFactory.Create();
        var values = await CustomFieldRows.ReadAsync(db.CustomFieldValues, request.Id, cancellationToken);
        var filled = await lookup.FillAsync(form.Schema, values, cancellationToken);
        if (!form.Schema.Fields.Any(f => f.Kind == FieldKind.Attachment))
        {
            return filled;
        }

        var files = await db.RequestAttachments.AsNoTracking().Where(a => a.ServiceRequestId == request.Id)
            .ToDictionaryAsync(a => a.Id.ToString(), a => a.FileName, cancellationToken);
        return filled with { Names = (kind, value) => kind == FieldKind.Attachment ? files.GetValueOrDefault(value) : filled.Names(kind, value) };
    }

    // Attachment fields point at files of the request itself; a new request has none yet.
    private static IEnumerable<FieldError> AttachmentErrors(FormSchema schema, IReadOnlyDictionary<string, string> values, IReadOnlySet<string> attached) =>
        schema.Fields.Where(f => f.Kind == FieldKind.Attachment && values.TryGetValue(f.Key, out var v) && FieldValues.Split(v).Any(id => !attached.Contains(id)))
            .Select(f => new FieldError(f.Key, "Field.NotFound"));

    /// <summary>
    /// Changes a request's custom fields under the rules of the version it was taken with; the timeline lists each change.
    /// <paramref name="loadedStamp"/> is the request the user edited: if it changed meanwhile, nothing is saved.
    /// </summary>
    public async Task<RequestSaveResult> UpdateFieldsAsync(
        string number, IReadOnlyDictionary<string, string?> input, string loadedStamp, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var normalized = number.Trim().ToUpperInvariant();
        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        if (request is null)
        {
            return RequestSaveResult.Of(RequestSaveStatus.NotFound);
        }

        if (request.ConcurrencyStamp != loadedStamp)
        {
            return RequestSaveResult.Of(RequestSaveStatus.Conflict);
        }

        var schema = (await forms.VersionAsync(request.FormVersionId, cancellationToken)).Schema;
        var check = FormRules.Check(schema, input, FormAudience.Staff, applyDefaults: false);
        var attached = (await db.RequestAttachments.Where(a => a.ServiceRequestId == request.Id).Select(a => a.Id).ToListAsync(cancellationToken))
            .Select(id => id.ToString()).ToHashSet();
        var fieldErrors = check.Errors.Concat(await lookup.CheckReferencesAsync(schema, check.Values, cancellationToken))
            .Concat(AttachmentErrors(schema, check.Values, attached)).ToList();
        if (fieldErrors.Count > 0)
        {
            return new RequestSaveResult(RequestSaveStatus.Invalid, FieldErrors: fieldErrors, Form: schema);
        }

        var before = await CustomFieldRows.ReadAsync(db.CustomFieldValues, request.Id, cancellationToken);
        var changes = await lookup.DescribeChangesAsync(schema, before, check.Values, System.Globalization.CultureInfo.CurrentUICulture, cancellationToken);
        if (changes is null)
        {
            return new RequestSaveResult(RequestSaveStatus.Saved, request.Number);
        }

        await CustomFieldRows.ReplaceAsync(db.CustomFieldValues, request.Id, schema, check.Values, cancellationToken);
        var now = clock.GetUtcNow();
        db.RequestEvents.Add(Event(request, now, RequestEventKind.FieldsChanged, actor, changes.Length > ServiceRules.CommentLength ? changes[..ServiceRules.CommentLength] : changes));
        request.UpdatedAt = now;
        request.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RequestSaveResult.Of(RequestSaveStatus.Conflict);
        }

        return new RequestSaveResult(RequestSaveStatus.Saved, request.Number);
    }

    /// <summary>Everything that happened to a request, oldest first; <paramref name="publicOnly"/> leaves out internal notes.</summary>
    public async Task<IReadOnlyList<TimelineEntry>> TimelineAsync(Guid requestId, bool publicOnly = false, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var pinned = await db.ServiceRequests.Where(r => r.Id == requestId).Select(r => new { r.WorkflowKey, r.WorkflowVersion }).FirstOrDefaultAsync(cancellationToken);
        var definition = pinned is null ? null : await workflow.DefinitionAsync(pinned.WorkflowKey, pinned.WorkflowVersion, cancellationToken);
        var events = await db.RequestEvents.AsNoTracking().Where(e => e.ServiceRequestId == requestId && (!publicOnly || e.IsPublic))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .ToListAsync(cancellationToken);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        string? Name(string? status) => status is null ? null : RequestWorkflow.Label(definition, status).Name;
        return events.Select(e => new TimelineEntry(e.At, e.Kind, e.By, e.FromStatus, e.ToStatus,
                e.Kind == RequestEventKind.TimerFired && definition?.FindTimer(e.Text ?? "")?.Name is { } timerName ? timerName.For(culture) : e.Text,
                e.IsPublic, Name(e.FromStatus), Name(e.ToStatus), e.Details, e.Id))
            .ToList();
    }

    /// <summary>Open requests for the same unit or customer, shown while a new one is taken so it is not taken twice.</summary>
    public async Task<IReadOnlyList<RequestRow>> OpenDuplicatesAsync(Guid? customerId, string? serialNumber, CancellationToken cancellationToken = default)
    {
        var bySerial = string.IsNullOrWhiteSpace(serialNumber) ? [] : (await SearchAsync(new RequestQuery(RequestView.Open, SerialNumber: serialNumber, Take: 10), cancellationToken)).Items;
        var byCustomer = customerId is null ? [] : (await SearchAsync(new RequestQuery(RequestView.Open, CustomerId: customerId, Take: 10), cancellationToken)).Items;
        return bySerial.Concat(byCustomer).DistinctBy(r => r.Id).ToList();
    }

    /// <summary>The fault and complaint categories a problem can be filed under (retired ones too, for old requests).</summary>
    public async Task<IReadOnlyList<DictionaryEntry>> ProblemCategoriesAsync(CancellationToken cancellationToken = default) =>
        [.. await dictionaries.ListAsync(DictionaryKind.FaultCategory, cancellationToken), .. await dictionaries.ListAsync(DictionaryKind.ComplaintCategory, cancellationToken)];

    public Task<IReadOnlyList<Assignee>> EngineersAsync(CancellationToken cancellationToken = default) => assignees.EngineersAsync(cancellationToken);

    /// <summary>
    /// Assigns several requests to one engineer, each as if assigned on its own page (the transition open to the user that asks
    /// for an assignee and nothing else): one with no such transition now, or that changed since the list was loaded
    /// (<see cref="RequestRow.ConcurrencyStamp"/>), is left as it is and reported.
    /// </summary>
    public async Task<IReadOnlyList<(string Number, ActionStatus Status)>> AssignManyAsync(
        IReadOnlyList<RequestRow> requests, string engineerId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        var results = new List<(string, ActionStatus)>();
        var values = new Dictionary<string, string?> { [TransitionForm.AssigneeField] = engineerId };
        foreach (var request in requests)
        {
            var state = await workflow.StateAsync(request.Id, actor, cancellationToken);
            var assign = state?.Transitions.FirstOrDefault(t => t.RequiredFields.SequenceEqual([TransitionForm.AssigneeField]));
            var status = assign is null
                ? ActionStatus.NotAllowed
                : (await workflow.FireAsync(request.Number, assign.Key, values, null, request.ConcurrencyStamp, actor, cancellationToken)).Status;
            results.Add((request.Number, status));
        }

        return results;
    }

    /// <summary>
    /// The statuses a board shows as columns and a list filters by: those of the workflows the tenant's types (or one type)
    /// run on, new first, then in progress, waiting and done, each in the order its workflow lists them.
    /// </summary>
    public async Task<IReadOnlyList<StatusLabel>> StatusesAsync(Guid? serviceTypeId = null, CancellationToken cancellationToken = default)
    {
        var typeList = await types.ListAsync(includeRetired: serviceTypeId is not null, cancellationToken);
        // A key several workflows share is named as the full closed loop names it, when a type runs on it.
        var keys = typeList.Where(t => serviceTypeId is null || t.Id == serviceTypeId).Select(t => t.WorkflowKey).Distinct()
            .OrderBy(k => k == ServiceType.DefaultWorkflowKey ? 0 : 1).ToList();
        var statuses = new List<StatusLabel>();
        foreach (var key in keys)
        {
            if (await workflow.PublishedAsync(key, cancellationToken) is { } definition)
            {
                statuses.AddRange(definition.Statuses.Where(s => statuses.All(known => known.Key != s.Key)).Select(s => RequestWorkflow.Label(definition, s.Key)));
            }
        }

        return statuses.OrderBy(s => s.Category).ToList();
    }

    /// <summary>The board: per status column, how many requests match the query and the first <paramref name="perColumn"/> of them.</summary>
    public async Task<IReadOnlyList<(StatusLabel Status, RequestPage Page)>> BoardAsync(RequestQuery query, int perColumn, CancellationToken cancellationToken = default)
    {
        var columns = new List<(StatusLabel, RequestPage)>();
        foreach (var status in await StatusesAsync(query.ServiceTypeId, cancellationToken))
        {
            columns.Add((status, query.Status is { } only && only != status.Key
                ? new RequestPage([], 0)
                : await SearchAsync(query with { Status = status.Key, Skip = 0, Take = perColumn }, cancellationToken)));
        }

        return columns;
    }

    /// <summary>Adds a comment; a public one is shown to the customer on the portal.</summary>
    public async Task<ActionResult> CommentAsync(string number, string text, bool isPublic, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length > ServiceRules.CommentLength)
        {
            return new ActionResult(ActionStatus.Invalid, "Validation.CommentRequired");
        }

        using var db = dbFactory.Create();
        var normalized = number.Trim().ToUpperInvariant();
        var request = await db.ServiceRequests.FirstOrDefaultAsync(r => r.Number == normalized, cancellationToken);
        if (request is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        var comment = Event(request, clock.GetUtcNow(), RequestEventKind.Comment, actor, text.Trim());
        comment.IsPublic = isPublic;
        db.RequestEvents.Add(comment);
        await db.SaveChangesAsync(cancellationToken);
        return new ActionResult(ActionStatus.Done);
    }

    private static RequestEvent Event(ServiceRequest request, DateTimeOffset at, RequestEventKind kind, RequestActor actor, string? text) =>
        RequestEvent.Of(actor, request.Id, at, kind, text);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
