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

    /// <summary>Without an SMTP host, messages are written here as .eml files (Development sets App_Data/mail) so a developer can open them.</summary>
    public string? PickupDirectory { get; set; }
}
