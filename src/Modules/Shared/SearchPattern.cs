namespace AfterSales.Modules.Shared;

/// <summary>LIKE patterns from what a user typed: their % and _ are searched for, not wildcards.</summary>
public static class SearchPattern
{
    /// <summary>The escape character to pass to <c>EF.Functions.Like</c> with these patterns.</summary>
    public const string Escape = "\\";

    /// <summary>Matches any text containing <paramref name="term"/> (trimmed).</summary>
    public static string Containing(string term) =>
        "%" + term.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
}
