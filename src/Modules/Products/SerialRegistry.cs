using System.Text.RegularExpressions;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>The tenant's serial-number registry and its warranty look-ups.</summary>
public sealed partial class SerialRegistry(IDbFactory<IProductsDb> dbFactory, CustomerDirectory customers, AfterSales.Modules.Forms.FieldChecks fieldChecks, ITenantContext tenantContext, ICurrentUser currentUser, TimeProvider clock,
    IEnumerable<IWarrantyObserver> warrantyObservers, AfterSales.Modules.Billing.SubscriptionBook plan)
    : ICustomerUnits
{
    public const int MaxPageSize = 100;

    /// <summary>Today in the tenant's time zone: warranty ends at the end of the local day.</summary>
    public DateOnly Today => tenantContext.Tenant.TodayFor(clock.GetUtcNow());

    public static string Normalize(string number) => number.Trim().ToUpperInvariant();

    public async Task<SerialView?> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalized = Normalize(number);
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.AsNoTracking().Include(s => s.Model).ThenInclude(m => m!.Category).FirstOrDefaultAsync(s => s.Number == normalized, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var owner = unit.CustomerId is { } id ? (await customers.RefsAsync([id], cancellationToken)).GetValueOrDefault(id) : null;
        return new SerialView(unit.Id, unit.Number, unit.Model!.Code, unit.Model.Name, unit.Model.Category?.Name, unit.CustomerId, owner?.Code, owner?.Name,
            unit.ProductionDate, unit.Batch, unit.Supplier, unit.PurchaseDate, unit.Salesperson, unit.WarrantyOn(Today));
    }

    /// <summary>An export holds at most this many rows; beyond it the list must be filtered first.</summary>
    public const int MaxExportRows = 100_000;

    public Task<SerialPage> SearchAsync(SerialQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query, MaxPageSize, cancellationToken);

    /// <summary>Every unit matching the filter (ordered like the list), for an export.</summary>
    public Task<SerialPage> ExportAsync(SerialQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query with { Skip = 0, Take = MaxExportRows }, MaxExportRows, cancellationToken);

    private async Task<SerialPage> QueryAsync(SerialQuery query, int maxTake, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var units = db.SerialNumbers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = Normalize(query.Search);
            units = units.Where(s => s.Number.StartsWith(term) || s.Model!.Code.StartsWith(term) || s.Batch == term);
        }

        if (query.CustomerId is { } customerId)
        {
            units = units.Where(s => s.CustomerId == customerId);
        }

        var today = Today;
        if (query.ExpiringWithinDays is { } days)
        {
            var until = today.AddDays(days);
            units = units.Where(s => s.WarrantyEnd >= today && s.WarrantyEnd <= until);
        }

        units = AfterSales.Modules.Forms.FieldQueries.WhereFields(units, db.CustomFieldValues, query.Fields, s => s.Id);
        var total = await units.CountAsync(cancellationToken);
        var ordered = query.ExpiringWithinDays is null ? units.OrderBy(s => s.Number) : units.OrderBy(s => s.WarrantyEnd).ThenBy(s => s.Number);
        var page = await ordered
            .Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, maxTake))
            .Select(s => new { s.Id, s.Number, ModelCode = s.Model!.Code, ModelName = s.Model.Name, s.CustomerId, s.PurchaseDate, s.WarrantyStart, s.WarrantyEnd })
            .ToListAsync(cancellationToken);
        var owners = await customers.RefsAsync(page.Where(s => s.CustomerId != null).Select(s => s.CustomerId!.Value), cancellationToken);
        var rows = page.Select(s =>
        {
            var owner = s.CustomerId is { } id ? owners.GetValueOrDefault(id) : null;
            var warranty = Warranty.Evaluate(s.WarrantyStart, s.WarrantyEnd, today);
            return new SerialRow(s.Id, s.Number, s.ModelCode, s.ModelName, owner?.Code, owner?.Name, s.PurchaseDate, s.WarrantyEnd, warranty.State, warranty.DaysLeft);
        }).ToList();
        return new SerialPage(rows, total);
    }

    public async Task<SerialSaveResult> RegisterAsync(SerialInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var (number, model, owner, errors) = await ValidateAsync(db, input, cancellationToken);
        var fields = await fieldChecks.CheckAsync(AfterSales.Modules.Forms.FormKeys.SerialNumber, input.CustomFields, isNew: true, cancellationToken: cancellationToken);
        if (errors.Count > 0 || !fields.IsValid)
        {
            return new SerialSaveResult(SerialSaveStatus.Invalid, Errors: errors, FieldErrors: fields.Errors, Form: fields.Form.Schema);
        }

        if (await db.SerialNumbers.AnyAsync(s => s.Number == number, cancellationToken))
        {
            return new SerialSaveResult(SerialSaveStatus.Duplicate);
        }

        if (await plan.RefusalAsync(AfterSales.Modules.Billing.PlanLimit.SerialNumbers, cancellationToken: cancellationToken) is { } refusal)
        {
            return new SerialSaveResult(SerialSaveStatus.Invalid, Errors: new Dictionary<string, string[]> { [nameof(input.Number)] = [refusal] });
        }

        var unit = new SerialNumber { Number = number, CreatedAt = clock.GetUtcNow() };
        Apply(input, unit, model!, owner);
        unit.ApplyWarranty(model!.DefaultWarrantyMonths, input.WarrantyStart, input.WarrantyEnd);
        db.SerialNumbers.Add(unit);
        db.CustomFieldValues.AddRange(AfterSales.Modules.Forms.CustomFieldRows.For(unit.Id, fields.Form.Schema, fields.Values));
        return await SaveAsync(db, unit, cancellationToken);
    }

    /// <summary>The registration of a unit as its edit form shows it, or null when it is not one of the tenant's.</summary>
    public async Task<SerialEdit?> GetForEditAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.AsNoTracking().Include(s => s.Model).FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (unit is null)
        {
            return null;
        }

        var owner = unit.CustomerId is { } customerId ? (await customers.RefsAsync([customerId], cancellationToken)).GetValueOrDefault(customerId) : null;
        var input = new SerialInput
        {
            Number = unit.Number,
            ModelCode = unit.Model!.Code,
            CustomerCode = owner?.Code,
            ProductionDate = unit.ProductionDate,
            Batch = unit.Batch,
            Supplier = unit.Supplier,
            PurchaseDate = unit.PurchaseDate,
            Salesperson = unit.Salesperson,
            WarrantyStart = unit.WarrantyStart,
            WarrantyEnd = unit.WarrantyEnd,
            CustomFields = (await AfterSales.Modules.Forms.CustomFieldRows.ReadAsync(db.CustomFieldValues, id, cancellationToken))
                .ToDictionary(v => v.Key, v => (string?)v.Value),
        };
        var extended = await db.WarrantyExtensions.AnyAsync(e => e.SerialNumberId == id, cancellationToken);
        return new SerialEdit(unit.Id, input, unit.ConcurrencyStamp, extended);
    }

    /// <summary>
    /// Corrects a unit's registration. Empty warranty dates are worked out again from the purchase date and the model;
    /// an extended warranty keeps its dates, which only another extension changes.
    /// </summary>
    /// <param name="loadedStamp">The stamp the editor loaded: a correction saved meanwhile by someone else wins and this one is refused.</param>
    public async Task<SerialSaveResult> UpdateAsync(Guid id, SerialInput input, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (unit is null)
        {
            return new SerialSaveResult(SerialSaveStatus.NotFound);
        }

        if (unit.ConcurrencyStamp != loadedStamp)
        {
            return new SerialSaveResult(SerialSaveStatus.Conflict);
        }

        var (number, model, owner, errors) = await ValidateAsync(db, input, cancellationToken);
        var fields = input.CustomFields is null ? null
            : await fieldChecks.CheckAsync(AfterSales.Modules.Forms.FormKeys.SerialNumber, input.CustomFields, isNew: false, cancellationToken: cancellationToken);
        if (errors.Count > 0 || fields is { IsValid: false })
        {
            return new SerialSaveResult(SerialSaveStatus.Invalid, Errors: errors, FieldErrors: fields?.Errors, Form: fields?.Form.Schema);
        }

        if (number != unit.Number && await db.SerialNumbers.AnyAsync(s => s.Number == number, cancellationToken))
        {
            return new SerialSaveResult(SerialSaveStatus.Duplicate);
        }

        var warrantyBefore = (unit.WarrantyStart, unit.WarrantyEnd);
        unit.Number = number;
        Apply(input, unit, model!, owner);
        if (!await db.WarrantyExtensions.AnyAsync(e => e.SerialNumberId == id, cancellationToken))
        {
            unit.ApplyWarranty(model!.DefaultWarrantyMonths, input.WarrantyStart, input.WarrantyEnd);
        }

        if (fields is not null)
        {
            await AfterSales.Modules.Forms.CustomFieldRows.ReplaceAsync(db.CustomFieldValues, unit.Id, fields.Form.Schema, fields.Values, cancellationToken);
        }

        var warrantyChanged = warrantyBefore != (unit.WarrantyStart, unit.WarrantyEnd);
        unit.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        var saved = await SaveAsync(db, unit, cancellationToken);
        if (saved.Status == SerialSaveStatus.Saved && warrantyChanged)
        {
            await WarrantyChangedAsync(unit.Id, cancellationToken);
        }

        return saved;
    }

    private async Task WarrantyChangedAsync(Guid id, CancellationToken cancellationToken)
    {
        foreach (var observer in warrantyObservers)
        {
            await observer.WarrantyChangedAsync(id, cancellationToken);
        }
    }

    /// <summary>Deletes a unit registered by mistake. A unit with warranty extensions keeps its history and stays.</summary>
    public async Task<CatalogDeleteResult> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.FirstOrDefaultAsync(s => s.Id == id, cancellationToken);
        if (unit is null)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.NotFound);
        }

        var extensions = await db.WarrantyExtensions.CountAsync(e => e.SerialNumberId == id, cancellationToken);
        if (extensions > 0)
        {
            return new CatalogDeleteResult(CatalogDeleteStatus.InUse, extensions);
        }

        db.SerialNumbers.Remove(unit);
        db.CustomFieldValues.RemoveRange(db.CustomFieldValues.Where(v => v.OwnerId == id));
        await db.SaveChangesAsync(cancellationToken);
        return new CatalogDeleteResult(CatalogDeleteStatus.Deleted);
    }

    /// <summary>What happened to a unit, newest first: its registration, every correction (from the audit trail) and every extension.</summary>
    /// <summary>The custom-field values of several units (an export's rows).</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> CustomFieldsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await AfterSales.Modules.Forms.CustomFieldRows.ReadManyAsync(db.CustomFieldValues, ids, cancellationToken);
    }

    /// <summary>A unit's custom-field values, by key, in canonical form.</summary>
    public async Task<Dictionary<string, string>> CustomFieldsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await AfterSales.Modules.Forms.CustomFieldRows.ReadAsync(db.CustomFieldValues, id, cancellationToken);
    }

    public async Task<IReadOnlyList<UnitEvent>> HistoryAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.AsNoTracking().Where(s => s.Id == id).Select(s => new { s.Number, s.CreatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            return [];
        }

        var audit = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SerialNumber) && e.EntityKey == unit.Number && e.Action != AuditAction.Deleted)
            .Select(e => new { e.At, e.Action, e.UserName, e.EntityKey, e.Changes })
            .ToListAsync(cancellationToken);
        // An imported unit has no entry of its own: the file's entry, stamped with the units' CreatedAt, is its registration.
        audit.AddRange(await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == nameof(SerialNumber) && e.Action == AuditAction.Imported && e.At == unit.CreatedAt)
            .Select(e => new { e.At, e.Action, e.UserName, e.EntityKey, e.Changes })
            .ToListAsync(cancellationToken));
        var events = audit.Select(e => e.Action switch
            {
                AuditAction.Created => new UnitEvent(e.At, UnitEventKind.Registered, e.UserName),
                AuditAction.Imported => new UnitEvent(e.At, UnitEventKind.Registered, e.UserName, Detail: e.EntityKey),
                _ => new UnitEvent(e.At, UnitEventKind.Changed, e.UserName, Fields: ChangedFields(e.Changes)),
            })
            .Where(e => e.Kind == UnitEventKind.Registered || e.Fields is { Count: > 0 })
            .ToList();
        var extensions = await ExtensionsAsync(id, cancellationToken);
        // An extension moves the warranty dates in the same save; its own line says so, with the reason.
        events.RemoveAll(e => e.Kind == UnitEventKind.Changed && e.Fields!.All(f => f is nameof(SerialNumber.WarrantyStart) or nameof(SerialNumber.WarrantyEnd))
                              && extensions.Any(x => (x.At - e.At).Duration() < TimeSpan.FromMinutes(1)));
        events.AddRange(extensions.Select(x => new UnitEvent(x.At, UnitEventKind.Extended, x.By, $"{x.PreviousEnd:yyyy-MM-dd} → {x.NewEnd:yyyy-MM-dd} · {x.Reason}")));
        return events.OrderByDescending(e => e.At).ToList();
    }

    private static List<string> ChangedFields(string changes) =>
        (System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, System.Text.Json.JsonElement>>(changes)?.Keys ?? Enumerable.Empty<string>()).ToList();

    private async Task<(string Number, ProductModel? Model, CustomerRef? Owner, Dictionary<string, string[]> Errors)> ValidateAsync(
        IProductsDb db, SerialInput input, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(key);

        var number = Normalize(input.Number ?? "");
        if (number.Length == 0)
        {
            Add(nameof(input.Number), "Validation.SerialRequired");
        }
        else if (!IsValidNumber(number))
        {
            Add(nameof(input.Number), "Validation.SerialFormat");
        }

        var modelCode = (input.ModelCode ?? "").Trim();
        var model = modelCode.Length == 0 ? null : await db.ProductModels.FirstOrDefaultAsync(m => m.Code == modelCode, cancellationToken);
        if (model is null)
        {
            Add(nameof(input.ModelCode), modelCode.Length == 0 ? "Validation.ModelRequired" : "Validation.ModelUnknown");
        }

        CustomerRef? owner = null;
        if (!string.IsNullOrWhiteSpace(input.CustomerCode))
        {
            owner = await customers.FindByCodeAsync(input.CustomerCode, cancellationToken);
            if (owner is null)
            {
                Add(nameof(input.CustomerCode), "Validation.CustomerUnknown");
            }
        }

        if (input.ProductionDate is { } produced && input.PurchaseDate is { } bought && bought < produced)
        {
            Add(nameof(input.PurchaseDate), "Validation.PurchaseBeforeProduction");
        }

        if (input.WarrantyStart is { } start && input.WarrantyEnd is { } end && end < start)
        {
            Add(nameof(input.WarrantyEnd), "Validation.WarrantyEndBeforeStart");
        }

        return (number, model, owner, errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    private static void Apply(SerialInput input, SerialNumber unit, ProductModel model, CustomerRef? owner)
    {
        unit.ProductModelId = model.Id;
        unit.CustomerId = owner?.Id;
        unit.ProductionDate = input.ProductionDate;
        unit.Batch = Clean(input.Batch);
        unit.Supplier = Clean(input.Supplier);
        unit.PurchaseDate = input.PurchaseDate;
        unit.Salesperson = Clean(input.Salesperson);
    }

    private async Task<SerialSaveResult> SaveAsync(IProductsDb db, SerialNumber unit, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SerialSaveResult(SerialSaveStatus.Conflict);
        }
        catch (DbUpdateException)
        {
            // The unique index caught a registration of the same number between our check and our write.
            using var check = dbFactory.Create();
            if (await check.SerialNumbers.AnyAsync(s => s.Number == unit.Number && s.Id != unit.Id, cancellationToken))
            {
                return new SerialSaveResult(SerialSaveStatus.Duplicate);
            }

            throw;
        }

        return new SerialSaveResult(SerialSaveStatus.Saved, unit.Id);
    }

    /// <summary>
    /// Extends (or renews) a unit's warranty to <paramref name="newEnd"/>. <paramref name="seenEnd"/> is the end date the
    /// user was looking at: if it changed meanwhile, nothing is saved and the user is told.
    /// </summary>
    public async Task<ExtendResult> ExtendAsync(string number, DateOnly? seenEnd, DateOnly newEnd, string reason, decimal? fee, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(reason) || reason.Trim().Length > 500)
        {
            return new ExtendResult(ExtendStatus.Invalid, "Validation.ReasonRequired");
        }

        if (fee is < 0 or > 9_999_999_999m)
        {
            return new ExtendResult(ExtendStatus.Invalid, "Validation.Fee");
        }

        var normalized = Normalize(number);
        using var db = dbFactory.Create();
        var unit = await db.SerialNumbers.FirstOrDefaultAsync(s => s.Number == normalized, cancellationToken);
        if (unit is null)
        {
            return new ExtendResult(ExtendStatus.NotFound);
        }

        if (unit.WarrantyEnd != seenEnd)
        {
            return new ExtendResult(ExtendStatus.Conflict);
        }

        var today = Today;
        if (newEnd <= (unit.WarrantyEnd ?? today) || newEnd < today)
        {
            return new ExtendResult(ExtendStatus.Invalid, "Validation.NewEndTooEarly");
        }

        db.WarrantyExtensions.Add(new WarrantyExtension
        {
            SerialNumberId = unit.Id,
            PreviousEnd = unit.WarrantyEnd,
            NewEnd = newEnd,
            Reason = reason.Trim(),
            Fee = fee,
            By = currentUser.Name,
            At = clock.GetUtcNow(),
        });
        // A renewal after expiry (or of a unit without dates) covers from today; an extension keeps its start.
        unit.WarrantyStart = unit.WarrantyStart is null || unit.WarrantyEnd < today ? today : unit.WarrantyStart;
        unit.WarrantyEnd = newEnd;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new ExtendResult(ExtendStatus.Conflict);
        }

        await WarrantyChangedAsync(unit.Id, cancellationToken);
        return new ExtendResult(ExtendStatus.Saved);
    }

    public async Task<IReadOnlyList<ExtensionRow>> ExtensionsAsync(Guid serialId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.WarrantyExtensions.AsNoTracking().Where(e => e.SerialNumberId == serialId)
            .OrderByDescending(e => e.At)
            .Select(e => new ExtensionRow(e.PreviousEnd, e.NewEnd, e.Reason, e.Fee, e.By, e.At))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// What a customer bought, from the units registered to it: one line per purchase date and model with the quantity,
    /// latest first, so the record cannot drift from the registry.
    /// </summary>
    public async Task<IReadOnlyList<PurchaseRecord>> PurchasesAsync(Guid customerId, int max = 50, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var groups = await db.SerialNumbers.AsNoTracking().Where(s => s.CustomerId == customerId)
            .GroupBy(s => new { s.PurchaseDate, s.ProductModelId })
            .Select(g => new { g.Key.PurchaseDate, g.Key.ProductModelId, Quantity = g.Count() })
            .ToListAsync(cancellationToken);
        var modelIds = groups.Select(g => g.ProductModelId).Distinct().ToList();
        var models = await db.ProductModels.AsNoTracking().Where(m => modelIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, cancellationToken);
        return groups
            .OrderByDescending(g => g.PurchaseDate ?? DateOnly.MinValue).ThenBy(g => models[g.ProductModelId].Code)
            .Take(max)
            .Select(g => new PurchaseRecord(g.PurchaseDate, models[g.ProductModelId].Code, models[g.ProductModelId].Name, g.Quantity))
            .ToList();
    }

    public async Task<IReadOnlyList<string>> NotOwnedByAsync(Guid customerId, IReadOnlyList<string> serialNumbers, CancellationToken cancellationToken = default)
    {
        var wanted = serialNumbers.Select(Normalize).Distinct().ToList();
        using var db = dbFactory.Create();
        var owned = await db.SerialNumbers.AsNoTracking().Where(s => s.CustomerId == customerId && wanted.Contains(s.Number)).Select(s => s.Number).ToListAsync(cancellationToken);
        return wanted.Except(owned).ToList();
    }

    public async Task<int> CountExpiringAsync(int days, CancellationToken cancellationToken = default) =>
        (await SearchAsync(new SerialQuery(ExpiringWithinDays: days, Take: 1), cancellationToken)).Total;

    /// <summary>A normalized serial number of at most 64 letters, digits and . _ -.</summary>
    public static bool IsValidNumber(string normalized) => normalized.Length is > 0 and <= 64 && SerialPattern().IsMatch(normalized);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^[A-Z0-9][A-Z0-9._-]*$")]
    private static partial Regex SerialPattern();
}
