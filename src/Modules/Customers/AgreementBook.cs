using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>The service agreements of the tenant's customers.</summary>
public sealed class AgreementBook(IDbFactory<ICustomersDb> dbFactory, ICustomerUnits units)
{
    public async Task<IReadOnlyList<ServiceAgreement>> ForCustomerAsync(Guid customerId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ServiceAgreements.AsNoTracking().Include(a => a.Units).Where(a => a.CustomerId == customerId)
            .OrderByDescending(a => a.EndDate).ToListAsync(cancellationToken);
    }

    /// <summary>Creates an agreement for a customer of this tenant; listed units must be registered to that customer.</summary>
    /// <returns>Text keys of the problems; empty when created; null when the customer does not exist.</returns>
    /// <returns>Null when the customer is not one of the tenant's; otherwise the problems, empty when created.</returns>
    public async Task<IReadOnlyList<string>?> CreateAsync(Guid customerId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var (problems, listed) = await ValidateAsync(db, customerId, null, input, cancellationToken);
        if (problems.Count > 0)
        {
            return problems;
        }

        var agreement = new ServiceAgreement { CustomerId = customerId };
        Apply(input, listed, agreement);
        db.ServiceAgreements.Add(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return problems;
    }

    public async Task<ServiceAgreement?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ServiceAgreements.AsNoTracking().Include(a => a.Units).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <param name="loadedStamp">The stamp the editor loaded: a change saved meanwhile by someone else wins and this one is refused.</param>
    public async Task<AgreementSaveResult> UpdateAsync(Guid id, AgreementInput input, string loadedStamp, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var agreement = await db.ServiceAgreements.Include(a => a.Units).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return new AgreementSaveResult(AgreementSaveStatus.NotFound);
        }

        if (agreement.ConcurrencyStamp != loadedStamp)
        {
            return new AgreementSaveResult(AgreementSaveStatus.Conflict);
        }

        var (problems, listed) = await ValidateAsync(db, agreement.CustomerId, id, input, cancellationToken);
        if (problems.Count > 0)
        {
            return new AgreementSaveResult(AgreementSaveStatus.Invalid, problems);
        }

        db.ServiceAgreementUnits.RemoveRange(agreement.Units);
        Apply(input, listed, agreement);
        db.ServiceAgreementUnits.AddRange(agreement.Units);
        agreement.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new AgreementSaveResult(AgreementSaveStatus.Conflict);
        }

        return new AgreementSaveResult(AgreementSaveStatus.Saved);
    }

    /// <returns>False when the agreement is not one of the tenant's.</returns>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var agreement = await db.ServiceAgreements.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agreement is null)
        {
            return false;
        }

        db.ServiceAgreements.Remove(agreement);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<(List<string> Problems, IReadOnlyList<string> Listed)> ValidateAsync(
        ICustomersDb db, Guid customerId, Guid? id, AgreementInput input, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        var number = (input.Number ?? "").Trim();
        if (number.Length is 0 or > 32)
        {
            problems.Add("Agreement.NumberRequired");
        }
        else if (await db.ServiceAgreements.AnyAsync(a => a.Number == number && a.Id != id, cancellationToken))
        {
            problems.Add("Agreement.NumberTaken");
        }

        if (string.IsNullOrWhiteSpace(input.Title) || input.Title.Trim().Length > 200)
        {
            problems.Add("Agreement.TitleRequired");
        }

        if (input.StartDate is null || input.EndDate is null || input.EndDate < input.StartDate)
        {
            problems.Add("Agreement.PeriodInvalid");
        }

        if (input.ResponseHours is < 1 or > 720)
        {
            problems.Add("Agreement.ResponseHoursInvalid");
        }

        var listed = input.CoversAllUnits ? [] : input.ListedSerialNumbers();
        if (!input.CoversAllUnits && listed.Count == 0)
        {
            problems.Add("Agreement.UnitsRequired");
        }
        else if (listed.Count > 0 && (await units.NotOwnedByAsync(customerId, listed, cancellationToken)).Count > 0)
        {
            problems.Add("Agreement.UnitsUnknown");
        }

        return (problems, listed);
    }

    private static void Apply(AgreementInput input, IReadOnlyList<string> listed, ServiceAgreement agreement)
    {
        agreement.Number = input.Number.Trim();
        agreement.Title = input.Title.Trim();
        agreement.StartDate = input.StartDate!.Value;
        agreement.EndDate = input.EndDate!.Value;
        agreement.ResponseHours = input.ResponseHours;
        agreement.ServiceItems = Clean(input.ServiceItems);
        agreement.ChargingTerms = Clean(input.ChargingTerms);
        agreement.CoversAllUnits = input.CoversAllUnits;
        agreement.Units = listed.Select(sn => new ServiceAgreementUnit { AgreementId = agreement.Id, SerialNumber = sn }).ToList();
    }

    /// <summary>The agreement covering the unit of <paramref name="customerId"/> on <paramref name="day"/>, latest end first.</summary>
    public async Task<AgreementCoverage?> CoverageAsync(Guid customerId, string serialNumber, DateOnly day, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var agreement = await db.ServiceAgreements.AsNoTracking()
            .Where(a => a.CustomerId == customerId && a.StartDate <= day && a.EndDate >= day
                        && (a.CoversAllUnits || a.Units.Any(u => u.SerialNumber == serialNumber)))
            .OrderByDescending(a => a.EndDate)
            .FirstOrDefaultAsync(cancellationToken);
        return agreement is null ? null : new AgreementCoverage(agreement.Number, agreement.Title, agreement.EndDate, agreement.ResponseHours, agreement.ServiceItems, agreement.ChargingTerms);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
