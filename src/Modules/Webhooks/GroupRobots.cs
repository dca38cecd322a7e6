using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Webhooks;

/// <summary>The tenant's robot endpoints for other features (reminders): posted at once, signed by <see cref="WebhookRules.RobotRequest"/>.</summary>
public sealed class GroupRobots(IDbFactory<IWebhooksDb> dbFactory, IHttpClientFactory http, IDataProtectionProvider protection, TimeProvider clock) : IGroupRobots
{
    public async Task<IReadOnlyList<GroupRobot>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return (await db.WebhookEndpoints.AsNoTracking().Where(e => e.IsActive && e.Kind != WebhookKind.Generic).OrderBy(e => e.Name).ToListAsync(cancellationToken))
            .Select(e => new GroupRobot(e.Id, e.Name, e.Kind.ToString())).ToList();
    }

    public async Task PostAsync(Guid endpointId, string title, string text, CancellationToken cancellationToken = default)
    {
        WebhookEndpoint? endpoint;
        using (var db = dbFactory.Create())
        {
            endpoint = await db.WebhookEndpoints.AsNoTracking().FirstOrDefaultAsync(e => e.Id == endpointId, cancellationToken);
        }

        if (endpoint is null || endpoint.Kind == WebhookKind.Generic)
        {
            throw new InvalidOperationException("The group robot no longer exists");
        }

        if (!endpoint.IsActive)
        {
            throw new InvalidOperationException($"The group robot {endpoint.Name} is switched off");
        }

        var secret = endpoint.ProtectedSecret is { } protectedSecret ? WebhookSecrets.Protector(protection).Unprotect(protectedSecret) : null;
        var plain = Plain(text);
        var markdown = $"**{title}**\n\n{plain.Replace("\n", "\n\n", StringComparison.Ordinal)}";
        var full = $"{title}\n{plain}";
        using var request = WebhookRules.RobotRequest(endpoint.Kind, endpoint.Url, secret, title, markdown, full, clock.GetUtcNow());
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(WebhookPoll.CallTimeout);
        using var response = await http.CreateClient(WebhookPoll.ClientName).SendAsync(request, timeout.Token);
        var body = await response.Content.ReadAsStringAsync(timeout.Token);
        if (!WebhookRules.Accepted(endpoint.Kind, response.StatusCode, body))
        {
            throw new InvalidOperationException($"The group robot {endpoint.Name} refused the message: HTTP {(int)response.StatusCode} {(body.Length > 200 ? body[..200] : body)}");
        }
    }

    // Robot groups show text, not the HTML an e-mail carries: tags dropped, paragraphs kept.
    private static string Plain(string text)
    {
        var withBreaks = System.Text.RegularExpressions.Regex.Replace(text, "<br\\s*/?>|</p>", "\n", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
        var stripped = System.Text.RegularExpressions.Regex.Replace(withBreaks, "<[^>]+>", "");
        return System.Net.WebUtility.HtmlDecode(stripped).Trim();
    }
}
