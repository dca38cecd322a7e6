using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AfterSales.Modules.Visits;

/// <summary>
/// The customer's link to answer a return visit without signing in: a token naming the tenant and the visit, encrypted and signed
/// with the deployment's Data Protection keys (so nobody can forge or alter one) and carrying its own expiry. Single use is the
/// database's job: a visit is answered once, whoever answers it. The portal reuses this for "rate the service".
/// </summary>
public sealed class VisitLinks(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a link may be used: long enough for a customer who opens the SMS or mail days later.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(14);

    private const string Version = "v1";
    private readonly IDataProtector protector = protection.CreateProtector("AfterSales.Visits.CustomerLink");

    /// <summary>The token for <paramref name="visitId"/> of <paramref name="tenantId"/>, valid for <see cref="Lifetime"/> from now.</summary>
    public string Issue(string tenantId, Guid visitId) => Issue(tenantId, visitId, clock.GetUtcNow() + Lifetime);

    /// <summary>A token valid until <paramref name="expiresAt"/>.</summary>
    public string Issue(string tenantId, Guid visitId, DateTimeOffset expiresAt) =>
        protector.Protect(string.Join('|', Version, tenantId, visitId.ToString("N"), expiresAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));

    /// <summary>What a token says, checked against the tenant whose address it was opened under.</summary>
    public VisitLink Read(string? token, string tenantId)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return VisitLink.Invalid;
        }

        string plain;
        try
        {
            plain = protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            // Altered, truncated, made with other keys or for another purpose.
            return VisitLink.Invalid;
        }

        var parts = plain.Split('|');
        if (parts is not [Version, var tenant, var visit, var expires] || !Guid.TryParseExact(visit, "N", out var visitId)
            || !long.TryParse(expires, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return VisitLink.Invalid;
        }

        // Another tenant's link is refused as if it were forged: it must not even tell that the visit exists.
        if (!string.Equals(tenant, tenantId, StringComparison.Ordinal))
        {
            return VisitLink.Invalid;
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds);
        return clock.GetUtcNow() >= expiresAt
            ? new VisitLink(VisitLinkState.Expired, visitId, expiresAt)
            : new VisitLink(VisitLinkState.Valid, visitId, expiresAt);
    }
}

public enum VisitLinkState
{
    Valid,
    Expired,
    Invalid,
}

/// <summary>A token as read: usable or not, and for which visit (none when invalid).</summary>
public sealed record VisitLink(VisitLinkState State, Guid VisitId, DateTimeOffset? ExpiresAt)
{
    public static VisitLink Invalid { get; } = new(VisitLinkState.Invalid, Guid.Empty, null);
}
