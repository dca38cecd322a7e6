using System.Globalization;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Administration.Settings;

/// <summary>What a tenant may put into its branding: it ends up in every page's style and image tags.</summary>
public static partial class BrandingRules
{
    public const int MaxLogoBytes = 200 * 1024;

    public static readonly IReadOnlyList<string> LogoContentTypes = ["image/png", "image/jpeg", "image/svg+xml"];

    /// <summary>Normalizes <c>#RGB</c>, <c>#RRGGBB</c> or <c>rgb(r, g, b)</c> (what the colour picker gives) to <c>#rrggbb</c>; null when invalid.</summary>
    public static string? NormalizeColor(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (HexPattern().IsMatch(value))
        {
            return value.Length == 4
                ? string.Concat("#", value[1], value[1], value[2], value[2], value[3], value[3]).ToLowerInvariant()
                : value.ToLowerInvariant();
        }

        var rgb = RgbPattern().Match(value);
        if (!rgb.Success)
        {
            return null;
        }

        var parts = new[] { rgb.Groups[1].Value, rgb.Groups[2].Value, rgb.Groups[3].Value }.Select(p => int.Parse(p, CultureInfo.InvariantCulture)).ToArray();
        return parts.Any(p => p > 255) ? null : $"#{parts[0]:x2}{parts[1]:x2}{parts[2]:x2}";
    }

    /// <summary>True for a <c>data:</c> URL of an allowed image type within the size limit.</summary>
    public static bool IsAcceptableLogo(string? dataUrl)
    {
        if (dataUrl is null)
        {
            return true;
        }

        var match = DataUrlPattern().Match(dataUrl);
        if (!match.Success || !LogoContentTypes.Contains(match.Groups[1].Value))
        {
            return false;
        }

        // Base64 carries 3 bytes in 4 characters.
        return match.Groups[2].Length / 4 * 3 <= MaxLogoBytes;
    }

    /// <summary>True when every contact detail fits its column and the e-mail, if any, is an address.</summary>
    public static bool IsAcceptableContact(string? phone, string? email, string? address, string? hours) =>
        new[] { phone, email, address, hours }.All(v => (v?.Trim().Length ?? 0) <= AfterSales.Tenancy.TenantBranding.ContactLength)
        && (string.IsNullOrWhiteSpace(email) || new System.ComponentModel.DataAnnotations.EmailAddressAttribute().IsValid(email.Trim()));

    /// <summary>The trimmed text, or null when nothing was entered.</summary>
    public static string? Optional(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    [GeneratedRegex("^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$")]
    private static partial Regex HexPattern();

    [GeneratedRegex(@"^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*[\d.]+\s*)?\)$")]
    private static partial Regex RgbPattern();

    [GeneratedRegex("^data:([a-z+/]+);base64,([A-Za-z0-9+/=]+)$")]
    private static partial Regex DataUrlPattern();
}
