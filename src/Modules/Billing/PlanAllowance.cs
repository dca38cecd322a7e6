using AfterSales.Modules.Shared;
using AfterSales.Tenancy;

namespace AfterSales.Modules.Billing;

/// <summary>The plan's storage and reminder e-mail limits, as the features that use them ask (<see cref="IPlanAllowance"/>).</summary>
public sealed class PlanAllowance(SubscriptionBook subscriptions, UsageMeter meter, ITenantContext tenantContext, TimeProvider clock) : IPlanAllowance
{
    public Task<PlanRefusal?> StorageRefusalAsync(long addingBytes, CancellationToken cancellationToken = default) =>
        subscriptions.PlanRefusalAsync(PlanLimit.StorageMb, addingBytes, cancellationToken);

    public async Task<bool> AcceptsWritesAsync(CancellationToken cancellationToken = default) =>
        await subscriptions.AccessAsync(cancellationToken) != TenantAccess.ReadOnly;

    public async Task<bool> TryTakeReminderEmailsAsync(int count, CancellationToken cancellationToken = default)
    {
        if (tenantContext.Tenant is not { } tenant || count <= 0)
        {
            return true;
        }

        var max = await subscriptions.MaxAsync(tenant.Id, PlanLimit.ReminderEmailsPerMonth, cancellationToken);
        return await meter.TryTakeAsync(tenant.Id, Meters.ReminderEmails, Meters.Month(clock.GetUtcNow()), count, max, cancellationToken);
    }
}
