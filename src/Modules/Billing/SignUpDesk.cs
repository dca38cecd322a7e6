using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace AfterSales.Modules.Billing;

/// <summary>What a visitor types on the sign-up page.</summary>
public sealed class SignUpInput
{
    public string CompanyName { get; set; } = "";
    public string Identifier { get; set; } = "";
    public string AdminName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string Culture { get; set; } = "zh-CN";
}

/// <summary>Whether an identifier can be had, and if not why (a text key).</summary>
public sealed record IdentifierCheck(bool Available, string? Reason);

/// <summary>The sign-up's answer: field errors by field name (text keys or Identity's texts), or the pending sign-up sent for confirmation.</summary>
public sealed record SignUpResult(IReadOnlyDictionary<string, string> Errors)
{
    public bool Sent => Errors.Count == 0;
}

/// <summary>The confirmation's answer: the tenant made (or made before by the same link), or why not.</summary>
public sealed record ConfirmResult(ConfirmStatus Status, string? Identifier = null);

public enum ConfirmStatus
{
    Created,
    AlreadyConfirmed,
    Invalid,
    Expired,
    IdentifierTaken,
}

/// <summary>
/// Self-service sign-up: checks the input, keeps it as a pending sign-up and mails a confirmation link; the link creates
/// the tenant through <see cref="TenantProvisioning"/>, the same way the operator does.
/// </summary>
public sealed class SignUpDesk(
    IDbFactory<IBillingDb> dbFactory, TenantProvisioning provisioning, IServiceScopeFactory scopeFactory, IPasswordHasher<ApplicationUser> hasher,
    IAppEmailSender email, TimeProvider clock, IOptions<BillingOptions> options, IStringLocalizer<BillingText> text)
{
    public async Task<IdentifierCheck> CheckIdentifierAsync(string? identifier, CancellationToken cancellationToken = default)
    {
        var slug = (identifier ?? "").Trim().ToLowerInvariant();
        if (slug.Length == 0)
        {
            return new(false, "SignUp.Required");
        }

        if (!TenantIdentifier.IsValid(slug))
        {
            return new(false, "SignUp.IdentifierRule");
        }

        if (TenantIdentifier.Reserved.Contains(slug))
        {
            return new(false, "SignUp.IdentifierReserved");
        }

        if (!await provisioning.IsAvailableAsync(slug, cancellationToken) || await IsPendingAsync(slug, cancellationToken))
        {
            return new(false, "SignUp.IdentifierTaken");
        }

        return new(true, null);
    }

    // An unconfirmed sign-up holds its identifier until its link expires, so two visitors cannot both be promised it.
    private async Task<bool> IsPendingAsync(string slug, CancellationToken cancellationToken)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        return (await db.PendingSignUps.AsNoTracking().Where(p => p.Identifier == slug && p.ConfirmedAt == null).Select(p => p.ExpiresAt).ToListAsync(cancellationToken))
            .Any(expires => expires > now);
    }

    /// <param name="confirmBaseUrl">The site's absolute base, e.g. <c>https://aftersales.example/</c>; the link goes to <c>signup/confirm</c> under it.</param>
    public async Task<SignUpResult> StartAsync(SignUpInput input, string confirmBaseUrl, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        Require(errors, nameof(input.CompanyName), input.CompanyName, 100);
        Require(errors, nameof(input.AdminName), input.AdminName, 100);
        Require(errors, nameof(input.Email), input.Email, 256);
        if (!errors.ContainsKey(nameof(input.Email)) && !new EmailAddressAttribute().IsValid(input.Email.Trim()))
        {
            errors[nameof(input.Email)] = "SignUp.EmailInvalid";
        }

        var check = await CheckIdentifierAsync(input.Identifier, cancellationToken);
        if (!check.Available)
        {
            errors[nameof(input.Identifier)] = check.Reason!;
        }

        if (string.IsNullOrEmpty(input.Password))
        {
            errors[nameof(input.Password)] = "SignUp.Required";
        }
        else if (await TenantProvisioning.PasswordErrorsAsync(scopeFactory, input.Password) is { Count: > 0 } passwordErrors)
        {
            errors[nameof(input.Password)] = string.Join(" ", passwordErrors.Select(e => "Identity." + e.Code));
        }

        if (input.Culture is not ("zh-CN" or "en"))
        {
            input.Culture = "zh-CN";
        }

        if (errors.Count > 0)
        {
            return new SignUpResult(errors);
        }

        var token = WebEncoders(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow();
        var pending = new PendingSignUp
        {
            Identifier = input.Identifier.Trim().ToLowerInvariant(),
            CompanyName = input.CompanyName.Trim(),
            AdminName = input.AdminName.Trim(),
            Email = input.Email.Trim(),
            Culture = input.Culture,
            PasswordHash = hasher.HashPassword(new ApplicationUser(), input.Password),
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now.AddDays(options.Value.SignUpLinkDays),
        };
        using (var db = dbFactory.Create())
        {
            db.PendingSignUps.Add(pending);
            await db.SaveChangesAsync(cancellationToken);
        }

        var link = $"{confirmBaseUrl.TrimEnd('/')}/signup/confirm?token={Uri.EscapeDataString(token)}";
        var body = text["SignUp.MailBody", WebUtility.HtmlEncode(pending.AdminName), WebUtility.HtmlEncode(pending.CompanyName), WebUtility.HtmlEncode(link), options.Value.SignUpLinkDays].Value;
        await email.SendAsync(pending.Email, text["SignUp.MailSubject"], body, cancellationToken);
        return new SignUpResult(errors);
    }

    public async Task<ConfirmResult> ConfirmAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return new(ConfirmStatus.Invalid);
        }

        var hash = Hash(token);
        using var db = dbFactory.Create();
        var pending = await db.PendingSignUps.FirstOrDefaultAsync(p => p.TokenHash == hash, cancellationToken);
        if (pending is null)
        {
            return new(ConfirmStatus.Invalid);
        }

        if (pending.ConfirmedAt is not null)
        {
            return new(ConfirmStatus.AlreadyConfirmed, pending.Identifier);
        }

        if (pending.ExpiresAt <= clock.GetUtcNow())
        {
            return new(ConfirmStatus.Expired);
        }

        // Marked first: a second click while the tenant is being made finds it confirmed rather than making another.
        pending.ConfirmedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        var result = await provisioning.CreateAsync(new NewTenant(pending.Identifier, pending.CompanyName, pending.Culture, pending.Email, pending.AdminName,
            PasswordHash: pending.PasswordHash, Trial: true), cancellationToken);
        if (result.IdentifierTaken)
        {
            pending.ConfirmedAt = null;
            pending.ExpiresAt = clock.GetUtcNow();
            await db.SaveChangesAsync(cancellationToken);
            return new(ConfirmStatus.IdentifierTaken, pending.Identifier);
        }

        return result.Succeeded
            ? new(ConfirmStatus.Created, pending.Identifier)
            : throw new InvalidOperationException("The administrator of a confirmed sign-up could not be created: " + string.Join("; ", result.Errors.Select(e => e.Code)));
    }

    private static void Require(Dictionary<string, string> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = "SignUp.Required";
        }
        else if (value.Trim().Length > max)
        {
            errors[field] = "SignUp.TooLong";
        }
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string WebEncoders(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
