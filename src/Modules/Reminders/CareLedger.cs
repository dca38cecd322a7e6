using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>A customer's care ledger: the gifts and points recorded for them, and their points balance.</summary>
public sealed class CareLedger(IDbFactory<IRemindersDb> dbFactory, ICurrentUser currentUser, ITenantContext tenantContext, TimeProvider clock)
{
    public const int DescriptionLength = 200;

    /// <summary>The most points one line grants or redeems: a typo of a few zeros should not make a customer rich.</summary>
    public const int MaxPoints = 1_000_000;

    /// <summary>The customer's lines, newest first, and the sum of their points; null for a customer that is not the tenant's.</summary>
    public async Task<CareLedgerPage?> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var entries = await db.CareEntries.AsNoTracking().Where(e => e.CustomerId == customerId).OrderByDescending(e => e.Date).ThenByDescending(e => e.CreatedAt)
            .ToListAsync(cancellationToken);
        return new CareLedgerPage(entries, entries.Sum(e => (long)(e.Points ?? 0)));
    }

    public async Task<CareEntry?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.CareEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>Each invalid field of <paramref name="input"/> with the text key saying why.</summary>
    public Dictionary<string, string> Validate(CareEntryInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = TenantTime.TodayFor(tenantContext.Tenant, clock.GetUtcNow());
        if (input.Date is not { } date || date > today || date < today.AddYears(-20))
        {
            errors[nameof(input.Date)] = "Care.Validation.Date";
        }

        if (!Enum.IsDefined(input.Kind))
        {
            errors[nameof(input.Kind)] = "Care.Validation.Kind";
        }

        if (string.IsNullOrWhiteSpace(input.Description) || input.Description.Trim().Length > DescriptionLength)
        {
            errors[nameof(input.Description)] = "Care.Validation.Description";
        }

        if (input.Kind == CareEntryKind.Points && (input.Points is not { } points || points == 0 || Math.Abs(points) > MaxPoints))
        {
            errors[nameof(input.Points)] = "Care.Validation.Points";
        }

        return errors;
    }

    /// <summary>Records a line for a customer of the tenant: null when the customer is not found, otherwise the problems (empty when saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> AddAsync(Guid customerId, CareEntryInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }

        db.CareEntries.Add(new CareEntry
        {
            CustomerId = customerId,
            Date = input.Date!.Value,
            Kind = input.Kind,
            Description = input.Description!.Trim(),
            Points = input.Kind == CareEntryKind.Points ? input.Points : null,
            ByUserId = currentUser.Id,
            ByName = Clip(currentUser.Name ?? "—", 128),
            CreatedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Deletes a line; false when it is not the tenant's (or already gone).</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var entry = await db.CareEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        db.CareEntries.Remove(entry);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            return false;
        }
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;
}

public sealed record CareLedgerPage(IReadOnlyList<CareEntry> Entries, long PointsBalance);

/// <summary>A ledger line as the dialog enters it.</summary>
public sealed class CareEntryInput
{
    public DateOnly? Date { get; set; }
    public CareEntryKind Kind { get; set; }
    public string? Description { get; set; }
    public int? Points { get; set; }
}
