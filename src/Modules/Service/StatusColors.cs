namespace AfterSales.Modules.Service;

/// <summary>A status's colour comes from a tenant's workflow JSON: only a hex colour may reach a style attribute.</summary>
public static class StatusColors
{
    public static string Safe(string? color, string fallback) =>
        color is { Length: 4 or 7 } c && c[0] == '#' && c.Skip(1).All(char.IsAsciiHexDigit) ? c : fallback;
}
