namespace AfterSales.Workflows.Actions;

/// <summary>How a notification reaches people.</summary>
public enum NotificationChannel
{
    /// <summary>The bell in the staff UI (or the portal for customers).</summary>
    InApp,

    /// <summary>E-mail.</summary>
    Email,
}
