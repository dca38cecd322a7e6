namespace AfterSales.Modules.Notifications;

/// <summary>The texts of the bell, the notifications page and the admin's templates and delivery log (NotificationText.tsv → .resx).</summary>
public sealed class NotificationText;
