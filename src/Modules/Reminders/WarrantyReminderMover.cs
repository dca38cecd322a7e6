using AfterSales.Modules.Products;

namespace AfterSales.Modules.Reminders;

/// <summary>A unit's extended, renewed or corrected warranty moves its reminders: the pending ones of the old end are cancelled, the new end's planned.</summary>
public sealed class WarrantyReminderMover(ReminderPlanner planner) : IWarrantyObserver
{
    public Task WarrantyChangedAsync(Guid serialNumberId, CancellationToken cancellationToken) => planner.PlanUnitAsync(serialNumberId, cancellationToken);
}
