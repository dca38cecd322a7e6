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
    public async Task<IReadOnlyList<string>?> CreateAsync(Guid customerId, AgreementInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var problems = new List<string>();
        var number = input.Number.Trim();
        if (number.Length is 0 or > 32)
        {
            problems.Add("Agreement.NumberRequired");
        }
        else if (await db.ServiceAgreements.AnyAsync(a => a.Number == number, cancellationToken))
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

        if (problems.Count > 0)
        {
            return problems;
        }

        db.ServiceAgreements.Add(new ServiceAgreement
        {
            CustomerId = customerId,
            Number = number,
            Title = input.Title.Trim(),
            StartDate = input.StartDate!.Value,
            EndDate = input.EndDate!.Value,
            ResponseHours = input.ResponseHours,
            ServiceItems = Clean(input.ServiceItems),
            ChargingTerms = Clean(input.ChargingTerms),
            CoversAllUnits = input.CoversAllUnits,
            Units = listed.Select(sn => new ServiceAgreementUnit { SerialNumber = sn }).ToList(),
        });
        await db.SaveChangesAsync(cancellationToken);
        return problems;
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
