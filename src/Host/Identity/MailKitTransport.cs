using AfterSales.Modules.Shared;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace AfterSales.Host.Identity;

/// <summary>Sends through a given SMTP server with MailKit: a tenant's own server.</summary>
public sealed class MailKitTransport : IMailTransport
{
    public async Task SendAsync(MailServer server, string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(server.FromName ?? "", server.FromAddress));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new BodyBuilder { HtmlBody = htmlBody }.ToMessageBody();
        using var client = new SmtpClient { Timeout = 30_000 };
        var tls = server.Tls switch
        {
            MailTls.None => SecureSocketOptions.None,
            MailTls.StartTls => SecureSocketOptions.StartTls,
            MailTls.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTlsWhenAvailable,
        };
        await client.ConnectAsync(server.Host, server.Port, tls, cancellationToken);
        if (!string.IsNullOrEmpty(server.UserName))
        {
            await client.AuthenticateAsync(server.UserName, server.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(true, cancellationToken);
    }
}
