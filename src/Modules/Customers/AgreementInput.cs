namespace AfterSales.Modules.Customers;

public sealed class AgreementInput
{
    public string Number { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    public int? ResponseHours { get; set; }
    public string? ServiceItems { get; set; }
    public string? ChargingTerms { get; set; }
    public bool CoversAllUnits { get; set; } = true;

    /// <summary>Serial numbers, one per line or comma-separated, when not all units are covered.</summary>
    public string? SerialNumbers { get; set; }

    public static AgreementInput From(ServiceAgreement agreement) => new()
    {
        Number = agreement.Number,
        Title = agreement.Title,
        StartDate = agreement.StartDate,
        EndDate = agreement.EndDate,
        ResponseHours = agreement.ResponseHours,
        ServiceItems = agreement.ServiceItems,
        ChargingTerms = agreement.ChargingTerms,
        CoversAllUnits = agreement.CoversAllUnits,
        SerialNumbers = string.Join("\n", agreement.Units.Select(u => u.SerialNumber).Order()),
    };

    public IReadOnlyList<string> ListedSerialNumbers() =>
        (SerialNumbers ?? "").Split([',', '\n', '\r', '，', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.ToUpperInvariant()).Distinct().ToList();
}

public enum AgreementSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record AgreementSaveResult(AgreementSaveStatus Status, IReadOnlyList<string>? Problems = null);

/// <summary>The agreement that covers a unit on a day, as the warranty lookup shows it.</summary>
public sealed record AgreementCoverage(string Number, string Title, DateOnly EndDate, int? ResponseHours, string? ServiceItems, string? ChargingTerms);
