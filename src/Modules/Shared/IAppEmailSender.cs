namespace AfterSales.Modules.Shared;

/// <summary>Sends one HTML e-mail; the host decides how (SMTP, or the log and a pickup folder in Development).</summary>
public interface IAppEmailSender
{
    Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}
