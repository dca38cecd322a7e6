using System.Net;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Portal.Accounts;

public enum PortalSignInResult { Succeeded, Invalid, LockedOut, NotConfirmed }

public enum PortalRegisterResult { Created, NoCustomer, Ambiguous, AlreadyExists, Invalid }

public enum PortalLinkPurpose { Confirm, Reset, Invite }

/// <summary>
/// The current tenant's portal accounts: registration against a customer record, the mailed links (confirmation, reset,
/// invitation) and the password check with its lockout. Every look-up runs through the tenant filter.
/// </summary>
public sealed class PortalAccounts(
    IDbFactory<IPortalDb> dbFactory, IPasswordHasher<PortalAccount> hasher, IDataProtectionProvider protection, IAppEmailSender mail,
    ITenantContext tenantContext, IStringLocalizer<PortalText> texts, TimeProvider clock)
{
    public const int MaxFailedAttempts = 5;
    public const int MinPasswordLength = 8;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    private static readonly Dictionary<PortalLinkPurpose, TimeSpan> LinkLifetimes = new()
    {
        [PortalLinkPurpose.Confirm] = TimeSpan.FromDays(3),
        [PortalLinkPurpose.Reset] = TimeSpan.FromHours(2),
        [PortalLinkPurpose.Invite] = TimeSpan.FromDays(7),
    };

    private readonly ITimeLimitedDataProtector _links = protection.CreateProtector("AfterSales.Portal.AccountLinks").ToTimeLimitedDataProtector();

    public static bool IsAcceptablePassword(string? password) => password is { Length: >= MinPasswordLength and <= 128 };

    public async Task<PortalAccount?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.PortalAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
    }

    /// <summary>Checks the password; five wrong ones in a row lock the account for a quarter of an hour.</summary>
    public async Task<(PortalSignInResult Result, PortalAccount? Account)> CheckPasswordAsync(string email, string password, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var normalized = PortalAccount.Normalize(email);
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        var now = clock.GetUtcNow();
        if (account?.PasswordHash is null)
        {
            return (PortalSignInResult.Invalid, null);
        }

        if (account.LockedUntil is { } until && until > now)
        {
            return (PortalSignInResult.LockedOut, null);
        }

        var verified = hasher.VerifyHashedPassword(account, account.PasswordHash, password);
        if (verified == PasswordVerificationResult.Failed)
        {
            account.FailedAttempts++;
            var locked = account.FailedAttempts >= MaxFailedAttempts;
            if (locked)
            {
                account.LockedUntil = now.Add(LockoutTime);
                account.FailedAttempts = 0;
            }

            await db.SaveChangesAsync(cancellationToken);
            return (locked ? PortalSignInResult.LockedOut : PortalSignInResult.Invalid, null);
        }

        if (!account.EmailConfirmed)
        {
            return (PortalSignInResult.NotConfirmed, null);
        }

        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            account.PasswordHash = hasher.HashPassword(account, password);
        }

        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.LastSignInAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return (PortalSignInResult.Succeeded, account);
    }

    /// <summary>
    /// Creates an unconfirmed account for the one customer record whose e-mail or phone (or a contact's) matches, and mails the
    /// confirmation link. <paramref name="portalBase"/> is the portal's absolute address ending in "/portal".
    /// </summary>
    public async Task<PortalRegisterResult> RegisterAsync(string email, string? phone, string password, string portalBase, CancellationToken cancellationToken = default)
    {
        email = email.Trim();
        phone = string.IsNullOrWhiteSpace(phone) ? null : phone.Trim();
        if (!IsEmail(email) || !IsAcceptablePassword(password))
        {
            return PortalRegisterResult.Invalid;
        }

        using var db = dbFactory.Create();
        var normalized = PortalAccount.Normalize(email);
        if (await db.PortalAccounts.AnyAsync(a => a.NormalizedEmail == normalized, cancellationToken))
        {
            return PortalRegisterResult.AlreadyExists;
        }

        var lower = email.ToLowerInvariant();
        var byCustomer = await db.Customers
            .Where(c => (c.Email != null && c.Email.ToLower() == lower) || (phone != null && c.Phone == phone))
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var byContact = await db.CustomerContacts
            .Where(c => (c.Email != null && c.Email.ToLower() == lower) || (phone != null && c.Phone == phone))
            .Select(c => c.CustomerId).ToListAsync(cancellationToken);
        var matches = byCustomer.Concat(byContact).Distinct().ToList();
        if (matches.Count == 0)
        {
            return PortalRegisterResult.NoCustomer;
        }

        // Two customer records share the address or phone: which one's requests the account would see is staff's call.
        if (matches.Count > 1)
        {
            return PortalRegisterResult.Ambiguous;
        }

        var account = new PortalAccount { CustomerId = matches[0], Email = email, NormalizedEmail = normalized, CreatedAt = clock.GetUtcNow() };
        account.PasswordHash = hasher.HashPassword(account, password);
        db.PortalAccounts.Add(account);
        await db.SaveChangesAsync(cancellationToken);
        await SendLinkAsync(account, PortalLinkPurpose.Confirm, portalBase, cancellationToken);
        return PortalRegisterResult.Created;
    }

    /// <summary>Confirms the e-mail of the account the link names; false when the link is wrong, used or expired.</summary>
    public async Task<bool> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var account = await FromLinkAsync(db, token, [PortalLinkPurpose.Confirm], cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.EmailConfirmed = true;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>True when the reset or invitation link is still good (checked before showing the form).</summary>
    public async Task<bool> IsPasswordLinkValidAsync(string? token, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await FromLinkAsync(db, token, [PortalLinkPurpose.Reset, PortalLinkPurpose.Invite], cancellationToken) is not null;
    }

    /// <summary>Sets the password through a reset or invitation link; the link proves the address, so it also confirms it and lifts a lockout.</summary>
    public async Task<bool> SetPasswordAsync(string? token, string password, CancellationToken cancellationToken = default)
    {
        if (!IsAcceptablePassword(password))
        {
            return false;
        }

        using var db = dbFactory.Create();
        var account = await FromLinkAsync(db, token, [PortalLinkPurpose.Reset, PortalLinkPurpose.Invite], cancellationToken);
        if (account is null)
        {
            return false;
        }

        account.PasswordHash = hasher.HashPassword(account, password);
        account.EmailConfirmed = true;
        account.FailedAttempts = 0;
        account.LockedUntil = null;
        account.SecurityStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The same link was used twice at once: only the first counts.
            return false;
        }

        return true;
    }

    /// <summary>Mails a reset link when the address has an account; says nothing either way, so the form reveals no accounts.</summary>
    public async Task RequestResetAsync(string email, string portalBase, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var normalized = PortalAccount.Normalize(email);
        var account = await db.PortalAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account is not null)
        {
            await SendLinkAsync(account, PortalLinkPurpose.Reset, portalBase, cancellationToken);
        }
    }

    /// <summary>Staff's invitation: an account for the customer's e-mail (created if missing) and a link where the customer sets a password.</summary>
    public async Task<PortalInviteOutcome> InviteAsync(Guid customerId, string portalBase, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var customer = await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == customerId, cancellationToken);
        if (customer is null)
        {
            return PortalInviteOutcome.NotFound;
        }

        if (customer.Email is not { } email || !IsEmail(email.Trim()))
        {
            return PortalInviteOutcome.NoEmail;
        }

        var normalized = PortalAccount.Normalize(email);
        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.NormalizedEmail == normalized, cancellationToken);
        if (account is not null && account.CustomerId != customerId)
        {
            return PortalInviteOutcome.EmailTaken;
        }

        if (account is null)
        {
            account = new PortalAccount { CustomerId = customerId, Email = email.Trim(), NormalizedEmail = normalized, CreatedAt = clock.GetUtcNow() };
            db.PortalAccounts.Add(account);
            await db.SaveChangesAsync(cancellationToken);
        }

        await SendLinkAsync(account, PortalLinkPurpose.Invite, portalBase, cancellationToken);
        return PortalInviteOutcome.Sent;
    }

    private async Task<PortalAccount?> FromLinkAsync(IPortalDb db, string? token, PortalLinkPurpose[] purposes, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(token) || tenantContext.Tenant is not { } tenant)
        {
            return null;
        }

        string payload;
        try
        {
            payload = _links.Unprotect(token, out _);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = payload.Split('|');
        if (parts.Length != 4 || !Enum.TryParse<PortalLinkPurpose>(parts[0], out var purpose) || !purposes.Contains(purpose)
            || parts[1] != tenant.Id || !Guid.TryParse(parts[2], out var id))
        {
            return null;
        }

        var account = await db.PortalAccounts.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return account is not null && account.SecurityStamp == parts[3] ? account : null;
    }

    private async Task SendLinkAsync(PortalAccount account, PortalLinkPurpose purpose, string portalBase, CancellationToken cancellationToken)
    {
        var tenant = tenantContext.Tenant ?? throw new InvalidOperationException("Portal accounts belong to a tenant.");
        var token = _links.Protect($"{purpose}|{tenant.Id}|{account.Id}|{account.SecurityStamp}", LinkLifetimes[purpose]);
        var page = purpose == PortalLinkPurpose.Confirm ? "confirm" : "reset";
        var link = $"{portalBase.TrimEnd('/')}/{page}?token={Uri.EscapeDataString(token)}";
        var name = tenant.Branding.PortalTitle is { Length: > 0 } title ? title : tenant.Name;
        var subject = texts[$"Mail.{purpose}.Subject", name];
        var body = $"<p>{WebUtility.HtmlEncode(texts[$"Mail.{purpose}.Body", name])}</p>"
                   + $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(texts[$"Mail.{purpose}.Action"])}</a></p>";
        await mail.SendAsync(account.Email, subject, body, cancellationToken);
    }

    private static bool IsEmail(string email) =>
        email.Length is > 3 and <= PortalAccount.EmailLength && email.IndexOf('@') is > 0 and var at && at < email.Length - 1 && !email.Contains(' ');
}
