namespace AfterSales.Modules.Webhooks;

/// <summary>The texts of /admin/webhooks (WebhookText.tsv → .resx).</summary>
public sealed class WebhookText;
