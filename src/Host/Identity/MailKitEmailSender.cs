using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using AfterSales.Modules.Shared;
using MimeKit;

namespace AfterSales.Host.Identity;

/// <summary>Sends mail through the configured SMTP server; without one, writes it to the pickup folder or, lacking that, to the log.</summary>
public sealed class MailKitEmailSender(IOptions<SmtpOptions> options, IHostEnvironment environment, ILogger<MailKitEmailSender> logger) : IAppEmailSender
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            if (!string.IsNullOrWhiteSpace(smtp.PickupDirectory))
            {
                // Relative to the content root, like the database and the file store, whatever directory the host was started from.
                var folder = Path.Combine(environment.ContentRootPath, smtp.PickupDirectory);
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml");
                await message.WriteToAsync(path, cancellationToken);
                logger.LogInformation("E-mail to {To} written to {Path}: {Subject}", to, path, subject);
                return;
            }

            logger.LogInformation("E-mail (no SMTP host configured, not sent) to {To}: {Subject}\n{Body}", to, subject, htmlBody);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, smtp.UseSsl ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
