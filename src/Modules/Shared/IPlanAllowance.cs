namespace AfterSales.Modules.Shared;

/// <summary>
/// What the current tenant's plan still allows of the things it meters as they are used (stored bytes, reminder e-mails).
/// Billing implements it; the features that store files or send reminders ask before they do.
/// </summary>
public interface IPlanAllowance
{
    /// <summary>
    /// Null when <paramref name="addingBytes"/> more fit into the plan's storage; otherwise the refusal, naming the limit and the
    /// address of the billing page (<see cref="PlanRefusal.BillingUrl"/>).
    /// </summary>
    Task<PlanRefusal?> StorageRefusalAsync(long addingBytes, CancellationToken cancellationToken = default);

    /// <summary>Takes <paramref name="count"/> reminder e-mails from this month's allowance; false, and nothing taken, when they do not fit.</summary>
    Task<bool> TryTakeReminderEmailsAsync(int count, CancellationToken cancellationToken = default);

    /// <summary>
    /// False while the tenant is read-only (unpaid or canceled): the save hook refuses its writes, and a job writing past that
    /// hook (a bulk insert) asks first.
    /// </summary>
    Task<bool> AcceptsWritesAsync(CancellationToken cancellationToken = default);
}

/// <summary>A plan limit's refusal: the message in the current language and the page where the plan is upgraded.</summary>
public sealed record PlanRefusal(string Message, string BillingUrl)
{
    public override string ToString() => Message;
}
