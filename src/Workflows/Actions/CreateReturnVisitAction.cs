namespace AfterSales.Workflows.Actions;

/// <summary>Creates a return-visit (回访) task for the request.</summary>
public sealed record CreateReturnVisitAction : WorkflowAction
{
    /// <summary>When the visit is due, from now; null for the tenant's default.</summary>
    public TimeSpan? DueIn { get; init; }

    /// <summary>Role whose members make the call; null for the tenant's default.</summary>
    public string? Role { get; init; }
}
