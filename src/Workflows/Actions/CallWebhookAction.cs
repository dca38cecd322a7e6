namespace AfterSales.Workflows.Actions;

/// <summary>Posts the request's event to a tenant-configured URL (the host signs, retries and sends it after commit).</summary>
public sealed record CallWebhookAction : WorkflowAction
{
    /// <summary>Target URL.</summary>
    public required string Url { get; init; }

    /// <summary>HTTP method.</summary>
    public string Method { get; init; } = "POST";

    /// <summary>Event name put in the payload, e.g. <c>request.locked</c>.</summary>
    public string? Event { get; init; }
}
