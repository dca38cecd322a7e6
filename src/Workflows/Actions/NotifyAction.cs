namespace AfterSales.Workflows.Actions;

/// <summary>Sends a notification rendered from a tenant template.</summary>
public sealed record NotifyAction : WorkflowAction
{
    /// <summary>In-app or e-mail.</summary>
    public NotificationChannel Channel { get; init; } = NotificationChannel.InApp;

    /// <summary>Addressees.</summary>
    public required IReadOnlyList<Recipient> Recipients { get; init; }

    /// <summary>Template key, resolved by the host's notification module.</summary>
    public required string Template { get; init; }
}
