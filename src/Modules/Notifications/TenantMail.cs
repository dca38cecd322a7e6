using System.Net.Mail;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// Sends the current tenant's e-mail: through its own SMTP server when it has one switched on, otherwise through the platform's
/// sender (SMTP from configuration, or the .eml folder in Development).
/// </summary>
public sealed class TenantMail(IDbFactory<INotificationsDb> dbFactory, IDataProtectionProvider protection, IMailTransport transport, IAppEmailSender platform)
{
    public async Task SendAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        TenantMailSettings? settings;
        using (var db = dbFactory.Create())
        {
            settings = await db.TenantMailSettings.AsNoTracking().FirstOrDefaultAsync(s => s.IsEnabled, cancellationToken);
        }

        if (settings is null)
        {
            await platform.SendAsync(to, subject, htmlBody, cancellationToken);
            return;
        }

        await transport.SendAsync(MailSettingsBook.ServerOf(settings, protection), to, subject, htmlBody, cancellationToken);
    }
}

/// <summary>The tenant admin's SMTP settings: saved with the password protected and never read back to the page.</summary>
public sealed class MailSettingsBook(IDbFactory<INotificationsDb> dbFactory, IDataProtectionProvider protection, IMailTransport transport, TimeProvider clock)
{
    public const int HostLength = 253;

    public static IDataProtector Protector(IDataProtectionProvider provider) => provider.CreateProtector("AfterSales.Notifications.SmtpPassword.v1");

    public static MailServer ServerOf(TenantMailSettings settings, IDataProtectionProvider protection) =>
        new(settings.Host, settings.Port, settings.Tls, settings.UserName,
            settings.ProtectedPassword is { } secret ? Protector(protection).Unprotect(secret) : null, settings.FromAddress, settings.FromName);

    /// <summary>The tenant's settings without the password (only whether one is kept); null when it has none.</summary>
    public async Task<MailSettingsInput?> GetAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var settings = await db.TenantMailSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return settings is null ? null : new MailSettingsInput
        {
            Host = settings.Host, Port = settings.Port, Tls = settings.Tls, UserName = settings.UserName, FromAddress = settings.FromAddress,
            FromName = settings.FromName, IsEnabled = settings.IsEnabled, HasPassword = settings.ProtectedPassword is not null, Stamp = settings.ConcurrencyStamp,
        };
    }

    public static Dictionary<string, string> Validate(MailSettingsInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var host = input.Host?.Trim() ?? "";
        if (host.Length == 0 || host.Length > HostLength || Uri.CheckHostName(host) == UriHostNameType.Unknown)
        {
            errors[nameof(input.Host)] = "Mail.Validation.Host";
        }

        if (input.Port is < 1 or > 65535)
        {
            errors[nameof(input.Port)] = "Mail.Validation.Port";
        }

        if (!Enum.IsDefined(input.Tls))
        {
            errors[nameof(input.Tls)] = "Mail.Validation.Tls";
        }

        if (string.IsNullOrWhiteSpace(input.FromAddress) || input.FromAddress.Trim().Length > 256 || !MailAddress.TryCreate(input.FromAddress.Trim(), out _))
        {
            errors[nameof(input.FromAddress)] = "Mail.Validation.From";
        }

        if ((input.FromName?.Length ?? 0) > 128 || (input.UserName?.Length ?? 0) > 256 || (input.Password?.Length ?? 0) > 500)
        {
            errors[nameof(input.FromName)] = "Mail.Validation.Length";
        }

        return errors;
    }

    /// <summary>Saves the settings; an empty password keeps the one kept, <see cref="MailSettingsInput.ClearPassword"/> drops it.</summary>
    public async Task<MailSaveResult> SaveAsync(MailSettingsInput input, CancellationToken cancellationToken = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new MailSaveResult(MailSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var settings = await db.TenantMailSettings.FirstOrDefaultAsync(cancellationToken);
        if (settings is not null && settings.ConcurrencyStamp != input.Stamp)
        {
            return new MailSaveResult(MailSaveStatus.Conflict);
        }

        if (settings is null)
        {
            db.TenantMailSettings.Add(settings = new TenantMailSettings());
        }

        settings.Host = input.Host!.Trim();
        settings.Port = input.Port;
        settings.Tls = input.Tls;
        settings.UserName = string.IsNullOrWhiteSpace(input.UserName) ? null : input.UserName.Trim();
        if (!string.IsNullOrEmpty(input.Password))
        {
            settings.ProtectedPassword = Protector(protection).Protect(input.Password);
        }
        else if (input.ClearPassword || settings.UserName is null)
        {
            settings.ProtectedPassword = null;
        }

        settings.FromAddress = input.FromAddress!.Trim();
        settings.FromName = string.IsNullOrWhiteSpace(input.FromName) ? null : input.FromName.Trim();
        settings.IsEnabled = input.IsEnabled;
        settings.UpdatedAt = clock.GetUtcNow();
        settings.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new MailSaveResult(MailSaveStatus.Conflict);
        }

        return new MailSaveResult(MailSaveStatus.Saved, Stamp: settings.ConcurrencyStamp);
    }

    /// <summary>Removes the tenant's server: its mail goes through the platform's again.</summary>
    public async Task<bool> DeleteAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.TenantMailSettings.ExecuteDeleteAsync(cancellationToken) > 0;
    }

    /// <summary>Sends a test message through the saved server at once; null when it went, otherwise the server's words.</summary>
    public async Task<string?> SendTestAsync(string to, string subject, string htmlBody, CancellationToken cancellationToken = default)
    {
        if (!MailAddress.TryCreate(to?.Trim(), out _))
        {
            return "Mail.Validation.TestTo";
        }

        TenantMailSettings? settings;
        using (var db = dbFactory.Create())
        {
            settings = await db.TenantMailSettings.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        }

        if (settings is null)
        {
            return "Mail.NotSaved";
        }

        try
        {
            await transport.SendAsync(ServerOf(settings, protection), to!.Trim(), subject, htmlBody, cancellationToken);
            return null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return exception.Message;
        }
    }
}

public sealed class MailSettingsInput
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public MailTls Tls { get; set; }
    public string? UserName { get; set; }

    /// <summary>Typed to set or change it; never filled from what is kept.</summary>
    public string? Password { get; set; }
    public bool ClearPassword { get; set; }
    public bool HasPassword { get; set; }
    public string? FromAddress { get; set; }
    public string? FromName { get; set; }
    public bool IsEnabled { get; set; } = true;
    public string? Stamp { get; set; }
}

public enum MailSaveStatus
{
    Saved,
    Invalid,
    Conflict,
}

public sealed record MailSaveResult(MailSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null, string? Stamp = null);
