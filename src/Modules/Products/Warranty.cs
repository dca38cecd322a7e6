namespace AfterSales.Modules.Products;

public enum WarrantyState
{
    /// <summary>No warranty dates are known (no purchase date registered).</summary>
    Unknown = 0,
    NotStarted = 1,
    InWarranty = 2,
    Expired = 3,
}

/// <summary>The warranty of a unit on a given day.</summary>
public sealed record Warranty(WarrantyState State, DateOnly? Start, DateOnly? End, int? DaysLeft)
{
    public static Warranty Evaluate(DateOnly? start, DateOnly? end, DateOnly today)
    {
        if (start is null || end is null)
        {
            return new Warranty(WarrantyState.Unknown, start, end, null);
        }

        if (today < start)
        {
            return new Warranty(WarrantyState.NotStarted, start, end, end.Value.DayNumber - start.Value.DayNumber + 1);
        }

        // The end date is the last covered day.
        return today <= end
            ? new Warranty(WarrantyState.InWarranty, start, end, end.Value.DayNumber - today.DayNumber + 1)
            : new Warranty(WarrantyState.Expired, start, end, 0);
    }
}
