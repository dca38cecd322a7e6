namespace AfterSales.Modules.Billing;

/// <summary>
/// A subscription plan. Platform data: the operator defines plans for all tenants, so it is neither stamped nor filtered.
/// A null limit means "no limit".
/// </summary>
public class Plan
{
    public const string Trial = "trial";
    public const string Standard = "standard";
    public const string Professional = "professional";

    /// <summary>Stable code, also kept in <c>Tenant.Plan</c>.</summary>
    public string Code { get; set; } = "";

    public string NameZh { get; set; } = "";
    public string NameEn { get; set; } = "";

    /// <summary>Prices in <see cref="Currency"/>; zero for the trial.</summary>
    public decimal MonthlyPrice { get; set; }
    public decimal YearlyPrice { get; set; }
    public string Currency { get; set; } = "CNY";

    /// <summary>Stripe price ids of the monthly and yearly prices; null when the plan cannot be bought (the trial).</summary>
    public string? StripeMonthlyPriceId { get; set; }
    public string? StripeYearlyPriceId { get; set; }

    public int? StaffSeats { get; set; }
    public int? Engineers { get; set; }
    public int? SerialNumbers { get; set; }
    public int? StorageMb { get; set; }
    public int? ApiCallsPerDay { get; set; }
    public int? ReminderEmailsPerMonth { get; set; }

    public bool CustomWorkflows { get; set; }
    public bool PortalBranding { get; set; }
    public bool ApiAccess { get; set; }
    public bool Subdomain { get; set; }

    public int SortOrder { get; set; }

    public string Name(bool chinese) => chinese ? NameZh : NameEn;

    public int? Limit(PlanLimit limit) => limit switch
    {
        PlanLimit.StaffSeats => StaffSeats,
        PlanLimit.Engineers => Engineers,
        PlanLimit.SerialNumbers => SerialNumbers,
        PlanLimit.StorageMb => StorageMb,
        PlanLimit.ApiCallsPerDay => ApiCallsPerDay,
        PlanLimit.ReminderEmailsPerMonth => ReminderEmailsPerMonth,
        _ => throw new ArgumentOutOfRangeException(nameof(limit)),
    };
}

/// <summary>What a plan counts.</summary>
public enum PlanLimit
{
    StaffSeats,
    Engineers,
    SerialNumbers,
    StorageMb,
    ApiCallsPerDay,
    ReminderEmailsPerMonth,
}
