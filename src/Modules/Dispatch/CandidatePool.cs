namespace AfterSales.Modules.Dispatch;

/// <summary>Whom a rule chooses from.</summary>
public enum CandidatePool
{
    /// <summary>The engineers the rule names.</summary>
    Named = 0,

    /// <summary>Every engineer whose profile covers the request's service type, product category and region.</summary>
    Skilled = 1,
}
