using Microsoft.AspNetCore.DataProtection;

namespace AfterSales.Modules.Webhooks;

/// <summary>Endpoint secrets at rest: protected with the application's data-protection keys, which every replica shares.</summary>
public static class WebhookSecrets
{
    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("AfterSales.Webhooks.Secret.v1");
}
