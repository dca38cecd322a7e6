using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Modules.Billing;

/// <summary>Usage of one limit: how much is used against the plan's limit (null: no limit; <see cref="Used"/> null: not metered).</summary>
public sealed record LimitUsage(PlanLimit Limit, long? Used, int? Max)
{
    public bool Reached => Max is { } max && Used is { } used && used >= max;

    public double Percent => Max is > 0 && Used is { } used ? Math.Min(100, used * 100.0 / Max.Value) : 0;
}

/// <summary>A tenant's plan, state and usage, as the billing page and the operator's console show it.</summary>
public sealed record SubscriptionView(TenantSubscription? Subscription, Plan? Plan, TenantAccess Access, DateTimeOffset? GraceEndsAt, IReadOnlyList<LimitUsage> Usage);

/// <summary>
/// Plans, each tenant's subscription, what it may do (<see cref="TenantAccess"/>) and the limit checks the other
/// modules call before adding staff or serial numbers.
/// </summary>
public sealed class SubscriptionBook(
    IDbFactory<IBillingDb> dbFactory, ITenantContext tenantContext, TimeProvider clock, IOptions<BillingOptions> options, IOptions<StripeOptions> stripe,
    IStringLocalizer<BillingText> text)
{
    /// <summary>The plans in their order, with the price ids of the configured Stripe account.</summary>
    public async Task<IReadOnlyList<Plan>> PlansAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return WithPrices(await db.Plans.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(cancellationToken), stripe.Value);
    }

    internal static List<Plan> WithPrices(List<Plan> plans, StripeOptions stripe)
    {
        foreach (var plan in plans)
        {
            if (stripe.Prices.TryGetValue(plan.Code, out var prices))
            {
                plan.StripeMonthlyPriceId = prices.Monthly ?? plan.StripeMonthlyPriceId;
                plan.StripeYearlyPriceId = prices.Yearly ?? plan.StripeYearlyPriceId;
            }
        }

        return plans;
    }

    /// <summary>The rule that maps a state to access; the grace period runs from the day the tenant fell past due.</summary>
    public static TenantAccess AccessOf(TenantSubscription? subscription, DateTimeOffset now, int graceDays) => subscription switch
    {
        null => TenantAccess.Full,
        { Status: SubscriptionStatus.Active } => TenantAccess.Full,
        { Status: SubscriptionStatus.Trialing, TrialEndsAt: { } end, StripeSubscriptionId: null } when end <= now => TenantAccess.ReadOnly,
        { Status: SubscriptionStatus.Trialing } => TenantAccess.Full,
        { Status: SubscriptionStatus.PastDue } s when (s.PastDueSince ?? now).AddDays(graceDays) > now => TenantAccess.Grace,
        _ => TenantAccess.ReadOnly,
    };

    public TenantAccess AccessOf(TenantSubscription? subscription) => AccessOf(subscription, clock.GetUtcNow(), options.Value.GraceDays);

    public DateTimeOffset? GraceEndsAt(TenantSubscription? subscription) =>
        subscription is { Status: SubscriptionStatus.PastDue } s ? (s.PastDueSince ?? clock.GetUtcNow()).AddDays(options.Value.GraceDays) : null;

    /// <summary>The current tenant's plan, state and usage.</summary>
    public async Task<SubscriptionView> CurrentAsync(CancellationToken cancellationToken = default)
    {
        var tenantId = TenantId();
        using var db = dbFactory.Create();
        var subscription = await db.TenantSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        var plan = subscription is null ? null : WithPrices(await db.Plans.AsNoTracking().Where(p => p.Code == subscription.PlanCode).ToListAsync(cancellationToken), stripe.Value).FirstOrDefault();
        var usage = new List<LimitUsage>();
        foreach (var limit in Enum.GetValues<PlanLimit>())
        {
            usage.Add(new LimitUsage(limit, await UsedAsync(db, limit, cancellationToken), plan?.Limit(limit)));
        }

        return new SubscriptionView(subscription, plan, AccessOf(subscription), GraceEndsAt(subscription), usage);
    }

    /// <summary>The current tenant's subscription and access, without usage (for the banner on every page).</summary>
    public async Task<SubscriptionView> CurrentStateAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tenantId = TenantId();
        var subscription = await db.TenantSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        return new SubscriptionView(subscription, null, AccessOf(subscription), GraceEndsAt(subscription), []);
    }

    /// <summary>The current tenant's access; full outside a tenant.</summary>
    public async Task<TenantAccess> AccessAsync(CancellationToken cancellationToken = default)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            return TenantAccess.Full;
        }

        using var db = dbFactory.Create();
        return AccessOf(await db.TenantSubscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.TenantId == tenant.Id, cancellationToken));
    }

    /// <summary>
    /// Null when the current tenant may add <paramref name="adding"/> more of <paramref name="limit"/>; otherwise the
    /// message that says which limit is reached and where to upgrade.
    /// </summary>
    public async Task<string?> RefusalAsync(PlanLimit limit, int adding = 1, CancellationToken cancellationToken = default) =>
        (await PlanRefusalAsync(limit, adding, cancellationToken))?.Message;

    /// <summary>As <see cref="RefusalAsync"/>, with the billing page's address apart, for a link. Storage counts in bytes.</summary>
    public async Task<PlanRefusal?> PlanRefusalAsync(PlanLimit limit, long adding = 1, CancellationToken cancellationToken = default)
    {
        if (tenantContext.Tenant is not { } tenant)
        {
            return null;
        }

        using var db = dbFactory.Create();
        var max = await MaxAsync(db, tenant.Id, limit, cancellationToken);
        if (max is null)
        {
            return null;
        }

        if (limit == PlanLimit.StorageMb)
        {
            var bytes = await StoredBytesAsync(db, tenant.Id, cancellationToken);
            return bytes + adding <= max.Value * Megabyte
                ? null
                : Refusal(tenant, limit, max.Value, (long)Math.Ceiling(bytes / (double)Megabyte));
        }

        var used = await UsedAsync(db, limit, cancellationToken) ?? 0;
        return used + adding <= max ? null : Refusal(tenant, limit, max.Value, used);
    }

    /// <summary>The refusal of <paramref name="limit"/> at <paramref name="max"/> with <paramref name="used"/> in use, in the current language.</summary>
    public PlanRefusal Refusal(TenantInfo tenant, PlanLimit limit, int max, long used)
    {
        var url = BillingUrl(tenant);
        return new PlanRefusal(text["Limit.Reached", text["Limit." + limit], max.ToString("N0"), used.ToString("N0")].Value + " " + text["Limit.Upgrade", url].Value, url);
    }

    /// <summary>The tenant's billing page, where limits are raised.</summary>
    public static string BillingUrl(TenantInfo tenant) => $"/t/{tenant.Identifier}/admin/billing";

    /// <summary>The limit of the tenant's plan; null without a subscription (complimentary) or when the plan has none.</summary>
    public async Task<int?> MaxAsync(string tenantId, PlanLimit limit, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await MaxAsync(db, tenantId, limit, cancellationToken);
    }

    private static async Task<int?> MaxAsync(IBillingDb db, string tenantId, PlanLimit limit, CancellationToken cancellationToken)
    {
        var planCode = await db.TenantSubscriptions.AsNoTracking().Where(s => s.TenantId == tenantId).Select(s => s.PlanCode).FirstOrDefaultAsync(cancellationToken);
        return planCode is null ? null : await db.Plans.AsNoTracking().Where(p => p.Code == planCode).Select(p => Limit(p, limit)).FirstOrDefaultAsync(cancellationToken);
    }

    private const long Megabyte = 1024 * 1024;

    // Translated to SQL as a column pick, so only the one number is read.
    private static int? Limit(Plan plan, PlanLimit limit) => plan.Limit(limit);

    /// <summary>
    /// Every byte the tenant keeps in the file store or inline: request attachments (work report photos among them), knowledge
    /// article files, work report signatures, and an uploaded logo kept as a data URL.
    /// </summary>
    public async Task<long> StoredBytesAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await StoredBytesAsync(db, TenantId(), cancellationToken);
    }

    private static async Task<long> StoredBytesAsync(IBillingDb db, string tenantId, CancellationToken cancellationToken)
    {
        // Summed in memory: SQLite cannot sum a long column through EF's translation in every version.
        var attachments = (await db.RequestAttachments.Select(a => a.Size).ToListAsync(cancellationToken)).Sum();
        var articleFiles = (await db.ArticleFiles.Select(f => f.Size).ToListAsync(cancellationToken)).Sum();
        var signatures = (await db.WorkReports.Where(r => r.SignatureKey != null).Select(r => r.SignatureSize).ToListAsync(cancellationToken)).Sum();
        var logo = await db.Tenants.AsNoTracking().Where(t => t.Id == tenantId).Select(t => t.Branding.LogoUrl).FirstOrDefaultAsync(cancellationToken);
        var logoBytes = logo is not null && logo.StartsWith("data:", StringComparison.Ordinal) ? logo.Length / 4L * 3 : 0;
        return attachments + articleFiles + signatures + logoBytes;
    }

    private async Task<long?> UsedAsync(IBillingDb db, PlanLimit limit, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var tenantId = TenantId();
        switch (limit)
        {
            case PlanLimit.StaffSeats:
                return await db.Users.CountAsync(cancellationToken);
            case PlanLimit.Engineers:
                return await (from user in db.Users
                              join userRole in db.UserRoles on user.Id equals userRole.UserId
                              join role in db.Roles on userRole.RoleId equals role.Id
                              where role.Name == Roles.Engineer
                              select user.Id).CountAsync(cancellationToken);
            case PlanLimit.SerialNumbers:
                return await db.SerialNumbers.CountAsync(cancellationToken);
            case PlanLimit.StorageMb:
                return (long)Math.Ceiling(await StoredBytesAsync(db, tenantId, cancellationToken) / (double)Megabyte);
            case PlanLimit.ApiCallsPerDay:
                var today = Meters.Day(now);
                return await db.UsageCounters.Where(c => c.TenantId == tenantId && c.Meter == Meters.ApiCalls && c.Period == today).Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
            case PlanLimit.ReminderEmailsPerMonth:
                var month = Meters.Month(now);
                return await db.UsageCounters.Where(c => c.TenantId == tenantId && c.Meter == Meters.ReminderEmails && c.Period == month).Select(c => c.Count).FirstOrDefaultAsync(cancellationToken);
            default:
                throw new ArgumentOutOfRangeException(nameof(limit));
        }
    }

    /// <summary>Starts the trial of a new tenant: the trial plan, trialing until the configured number of days from now.</summary>
    public async Task StartTrialAsync(string tenantId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        db.TenantSubscriptions.Add(new TenantSubscription
        {
            TenantId = tenantId,
            PlanCode = Plan.Trial,
            Status = SubscriptionStatus.Trialing,
            TrialEndsAt = now.AddDays(options.Value.TrialDays),
            UpdatedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The operator extends a trial by <paramref name="days"/> from its end (or from now when it has ended).</summary>
    public async Task<bool> ExtendTrialAsync(string tenantId, int days, CancellationToken cancellationToken = default)
    {
        if (days is < 1 or > 365)
        {
            return false;
        }

        using var db = dbFactory.Create();
        var subscription = await db.TenantSubscriptions.FirstOrDefaultAsync(s => s.TenantId == tenantId, cancellationToken);
        if (subscription is not { Status: SubscriptionStatus.Trialing })
        {
            return false;
        }

        var now = clock.GetUtcNow();
        var from = subscription.TrialEndsAt is { } end && end > now ? end : now;
        subscription.TrialEndsAt = from.AddDays(days);
        subscription.UpdatedAt = now;
        subscription.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private string TenantId() => tenantContext.Tenant?.Id ?? throw new InvalidOperationException("No tenant in scope.");
}
