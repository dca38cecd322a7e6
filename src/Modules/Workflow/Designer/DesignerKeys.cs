using System.Text.RegularExpressions;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>The keys the designer hands out and accepts.</summary>
public static partial class DesignerKeys
{
    /// <summary>
    /// A letter, then letters, digits or <c>_</c>. Narrower than the engine's rule (which also allows <c>-</c>) so a key
    /// can always be read in a condition as <c>attempts.key</c> or <c>vars.key</c>.
    /// </summary>
    public static bool IsValid(string? key) => key is not null && KeyPattern().IsMatch(key);

    /// <summary><paramref name="stem"/> followed by the first number that no key in <paramref name="taken"/> has (Status1, Status2…).</summary>
    public static string Next(string stem, IEnumerable<string> taken)
    {
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var n = 1;
        while (used.Contains($"{stem}{n}"))
        {
            n++;
        }

        return $"{stem}{n}";
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex KeyPattern();
}
