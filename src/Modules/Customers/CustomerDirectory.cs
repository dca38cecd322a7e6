using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>Finding, creating, changing and deleting the current tenant's customers, for the pages and the API.</summary>
public sealed class CustomerDirectory(IDbFactory<ICustomersDb> dbFactory, AfterSales.Modules.Forms.FieldChecks fieldChecks)
{
    public const int MaxPageSize = 100;

    /// <summary>An export holds at most this many rows; beyond it the list must be filtered first.</summary>
    public const int MaxExportRows = 100_000;

    public Task<CustomerPage> SearchAsync(CustomerQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query, MaxPageSize, cancellationToken);

    /// <summary>Every customer matching the filter (sorted like the list), for an export.</summary>
    public Task<CustomerPage> ExportAsync(CustomerQuery query, CancellationToken cancellationToken = default) =>
        QueryAsync(query with { Skip = 0, Take = MaxExportRows }, MaxExportRows, cancellationToken);

    private async Task<CustomerPage> QueryAsync(CustomerQuery query, int maxTake, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var customers = db.Customers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search);
            customers = customers.Where(c =>
                EF.Functions.Like(c.Name, pattern, SearchPattern.Escape) || EF.Functions.Like(c.Code, pattern, SearchPattern.Escape)
                || EF.Functions.Like(c.Phone!, pattern, SearchPattern.Escape)
                || c.Contacts.Any(k => EF.Functions.Like(k.Name, pattern, SearchPattern.Escape) || EF.Functions.Like(k.Phone!, pattern, SearchPattern.Escape)));
        }

        if (query.Kind is { } kind)
        {
            customers = customers.Where(c => c.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Level))
        {
            var level = query.Level.Trim();
            customers = customers.Where(c => c.Level == level);
        }

        if (!string.IsNullOrWhiteSpace(query.Region))
        {
            var region = query.Region.Trim();
            customers = customers.Where(c => c.Region == region);
        }

        customers = AfterSales.Modules.Forms.FieldQueries.WhereFields(customers, db.CustomFieldValues, query.Fields, c => c.Id);
        var total = await customers.CountAsync(cancellationToken);
        var sorted = (query.Sort, query.Descending) switch
        {
            (CustomerSort.Code, false) => customers.OrderBy(c => c.Code),
            (CustomerSort.Code, true) => customers.OrderByDescending(c => c.Code),
            (CustomerSort.Region, false) => customers.OrderBy(c => c.Region).ThenBy(c => c.Name),
            (CustomerSort.Region, true) => customers.OrderByDescending(c => c.Region).ThenBy(c => c.Name),
            (CustomerSort.Level, false) => customers.OrderBy(c => c.Level).ThenBy(c => c.Name),
            (CustomerSort.Level, true) => customers.OrderByDescending(c => c.Level).ThenBy(c => c.Name),
            (CustomerSort.CreatedAt, false) => customers.OrderBy(c => c.CreatedAt),
            (CustomerSort.CreatedAt, true) => customers.OrderByDescending(c => c.CreatedAt),
            (CustomerSort.Name, false) => customers.OrderBy(c => c.Name),
            (CustomerSort.Name, true) => customers.OrderByDescending(c => c.Name),
            // Unsorted lists follow the tenant's own numbering, which reads better than code-point order of Chinese names.
            _ => customers.OrderBy(c => c.Code),
        };
        var rows = await sorted
            .Skip(Math.Max(0, query.Skip))
            .Take(Math.Clamp(query.Take, 1, maxTake))
            .Select(c => new CustomerRow(c.Id, c.Code, c.Name, c.Kind, c.Level, c.Region, c.Phone,
                c.Contacts.OrderBy(k => k.Name).Select(k => k.Name).FirstOrDefault(), c.CreatedAt))
            .ToListAsync(cancellationToken);
        return new CustomerPage(rows, total);
    }

    public async Task<CustomerFacets> FacetsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var levels = await db.Customers.AsNoTracking().Where(c => c.Level != null).Select(c => c.Level!).Distinct().OrderBy(l => l).ToListAsync(cancellationToken);
        var regions = await db.Customers.AsNoTracking().Where(c => c.Region != null).Select(c => c.Region!).Distinct().OrderBy(r => r).ToListAsync(cancellationToken);
        return new CustomerFacets(levels, regions);
    }

    public async Task<Customer?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.Customers.AsNoTracking().Include(c => c.Contacts).Include(c => c.Addresses).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
    }

    /// <summary>Code and name of the given customers, for other features that show whom something belongs to.</summary>
    public async Task<IReadOnlyDictionary<Guid, CustomerRef>> RefsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken = default)
    {
        var wanted = ids.Distinct().ToList();
        if (wanted.Count == 0)
        {
            return new Dictionary<Guid, CustomerRef>();
        }

        using var db = dbFactory.Create();
        return await db.Customers.AsNoTracking().Where(c => wanted.Contains(c.Id))
            .ToDictionaryAsync(c => c.Id, c => new CustomerRef(c.Id, c.Code, c.Name), cancellationToken);
    }

    /// <summary>The customers with the given codes (those that exist), by code.</summary>
    public async Task<IReadOnlyDictionary<string, CustomerRef>> RefsByCodesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var result = new Dictionary<string, CustomerRef>(StringComparer.Ordinal);
        using var db = dbFactory.Create();
        // Chunked: a parameter list has a size limit on every provider.
        foreach (var chunk in codes.Select(c => c.Trim()).Distinct().Chunk(500))
        {
            foreach (var customer in await db.Customers.AsNoTracking().Where(c => chunk.Contains(c.Code))
                         .Select(c => new CustomerRef(c.Id, c.Code, c.Name)).ToListAsync(cancellationToken))
            {
                result[customer.Code] = customer;
            }
        }

        return result;
    }

    public async Task<CustomerRef?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var trimmed = code.Trim();
        return await db.Customers.AsNoTracking().Where(c => c.Code == trimmed)
            .Select(c => new CustomerRef(c.Id, c.Code, c.Name)).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The custom-field values of several customers (an export's rows).</summary>
    public async Task<Dictionary<Guid, Dictionary<string, string>>> CustomFieldsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await AfterSales.Modules.Forms.CustomFieldRows.ReadManyAsync(db.CustomFieldValues, ids, cancellationToken);
    }

    /// <summary>A customer's custom-field values, by key, in canonical form.</summary>
    public async Task<Dictionary<string, string>> CustomFieldsAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await AfterSales.Modules.Forms.CustomFieldRows.ReadAsync(db.CustomFieldValues, id, cancellationToken);
    }

    public async Task<int> CountAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.Customers.CountAsync(cancellationToken);
    }

    public async Task<CustomerSaveResult> CreateAsync(CustomerInput input, CancellationToken cancellationToken = default)
    {
        var errors = CustomerRules.Validate(input);
        var fields = await fieldChecks.CheckAsync(AfterSales.Modules.Forms.FormKeys.Customer, input.CustomFields, isNew: true, cancellationToken: cancellationToken);
        if (errors.Count > 0 || !fields.IsValid)
        {
            return CustomerSaveResult.Invalid(errors) with { FieldErrors = fields.Errors, Form = fields.Form.Schema };
        }

        using var db = dbFactory.Create();
        if (await db.Customers.AnyAsync(c => c.Code == input.Code.Trim(), cancellationToken))
        {
            return CustomerSaveResult.Of(CustomerSaveStatus.DuplicateCode);
        }

        var customer = new Customer();
        input.ApplyTo(customer);
        db.Customers.Add(customer);
        db.CustomFieldValues.AddRange(AfterSales.Modules.Forms.CustomFieldRows.For(customer.Id, fields.Form.Schema, fields.Values));
        return await SaveAsync(db, customer, cancellationToken);
    }

    /// <param name="loadedStamp">The <see cref="Customer.ConcurrencyStamp"/> the editor loaded; a newer save wins and this one is refused.</param>
    public async Task<CustomerSaveResult> UpdateAsync(Guid id, CustomerInput input, string loadedStamp, CancellationToken cancellationToken = default)
    {
        var errors = CustomerRules.Validate(input);
        var fields = input.CustomFields is null ? null
            : await fieldChecks.CheckAsync(AfterSales.Modules.Forms.FormKeys.Customer, input.CustomFields, isNew: false, cancellationToken: cancellationToken);
        if (errors.Count > 0 || fields is { IsValid: false })
        {
            return CustomerSaveResult.Invalid(errors) with { FieldErrors = fields?.Errors, Form = fields?.Form.Schema };
        }

        using var db = dbFactory.Create();
        var customer = await db.Customers.Include(c => c.Contacts).Include(c => c.Addresses).AsSplitQuery().FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return CustomerSaveResult.Of(CustomerSaveStatus.NotFound);
        }

        if (customer.ConcurrencyStamp != loadedStamp)
        {
            return CustomerSaveResult.Of(CustomerSaveStatus.Conflict);
        }

        if (customer.Code != input.Code.Trim() && await db.Customers.AnyAsync(c => c.Code == input.Code.Trim() && c.Id != id, cancellationToken))
        {
            return CustomerSaveResult.Of(CustomerSaveStatus.DuplicateCode);
        }

        db.CustomerContacts.RemoveRange(customer.Contacts);
        db.CustomerAddresses.RemoveRange(customer.Addresses);
        input.ApplyTo(customer);
        db.CustomerContacts.AddRange(customer.Contacts);
        db.CustomerAddresses.AddRange(customer.Addresses);
        if (fields is not null)
        {
            await AfterSales.Modules.Forms.CustomFieldRows.ReplaceAsync(db.CustomFieldValues, customer.Id, fields.Form.Schema, fields.Values, cancellationToken);
        }

        customer.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        return await SaveAsync(db, customer, cancellationToken);
    }

    /// <returns>False when the customer does not exist in this tenant.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (customer is null)
        {
            return false;
        }

        db.Customers.Remove(customer);
        db.CustomFieldValues.RemoveRange(db.CustomFieldValues.Where(v => v.OwnerId == id));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task<CustomerSaveResult> SaveAsync(ICustomersDb db, Customer customer, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CustomerSaveResult(CustomerSaveStatus.Saved, customer.Id, customer.ConcurrencyStamp);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CustomerSaveResult.Of(CustomerSaveStatus.Conflict);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same code between our check and our insert; anything else is a real failure.
            if (await db.Customers.AsNoTracking().AnyAsync(c => c.Code == customer.Code && c.Id != customer.Id, cancellationToken))
            {
                return CustomerSaveResult.Of(CustomerSaveStatus.DuplicateCode);
            }

            throw;
        }
    }
}
