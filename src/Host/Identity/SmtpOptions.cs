namespace AfterSales.Host.Identity;

/// <summary><c>Smtp:*</c>. With no host, mail is written to the log (the Development default).</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public bool UseSsl { get; set; } = true;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "AfterSales Cloud <no-reply@aftersales.example>";
}
