namespace AfterSales.Modules.Shared;

/// <summary>Sends one HTML e-mail through the given SMTP server: how a tenant's own mail server is used.</summary>
public interface IMailTransport
{
    Task SendAsync(MailServer server, string to, string subject, string htmlBody, CancellationToken cancellationToken = default);
}

/// <summary>An SMTP server and the sender it sends as; the password in clear, only for the moment of sending.</summary>
public sealed record MailServer(string Host, int Port, MailTls Tls, string? UserName, string? Password, string FromAddress, string? FromName);

public enum MailTls
{
    /// <summary>STARTTLS when the server offers it.</summary>
    Auto = 0,

    /// <summary>Plain connection (a relay on the local network).</summary>
    None = 1,

    /// <summary>STARTTLS, required (port 587).</summary>
    StartTls = 2,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect = 3,
}
