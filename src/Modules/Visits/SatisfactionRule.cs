namespace AfterSales.Modules.Visits;

/// <summary>
/// When a return visit closes the request (seed 001: "确定达到客户的满意，则整个服务结束。否则，再次转入分配状态"): the customer says the
/// problem is solved and rates the service at least <see cref="Threshold"/> stars. Being overcharged does not reopen a repair that
/// worked; it is recorded for the manager to follow up.
/// </summary>
public static class SatisfactionRule
{
    public const int Lowest = 1;
    public const int Highest = 5;

    /// <summary>
    /// The lowest rating that still counts as satisfied. One value for every tenant: tenants have no settings of this kind yet, and
    /// "3 of 5 is acceptable" is what the seeds' CSAT surveys assume.
    /// </summary>
    public const int Threshold = 3;

    /// <summary>The workflow step a satisfied customer's visit fires.</summary>
    public const string CloseTransition = "Close";

    /// <summary>The workflow step an unsatisfied customer's visit fires: back to assignment, without the engineer.</summary>
    public const string ReopenTransition = "Reopen";

    public static bool IsSatisfied(bool solved, int satisfaction, int threshold = Threshold) => solved && satisfaction >= threshold;

    /// <summary>The transition the answers lead to.</summary>
    public static string StepFor(bool solved, int satisfaction, int threshold = Threshold) =>
        IsSatisfied(solved, satisfaction, threshold) ? CloseTransition : ReopenTransition;
}
