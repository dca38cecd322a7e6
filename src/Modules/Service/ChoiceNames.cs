using System.Globalization;

namespace AfterSales.Modules.Service;

/// <summary>
/// The tenant's names for the channel and priority codes requests store, as its lists hold them, so a renamed channel
/// reads the same on every page and in the export.
/// </summary>
public sealed class ChoiceNames(IReadOnlyDictionary<string, DictionaryEntry> channels, IReadOnlyDictionary<string, DictionaryEntry> priorities)
{
    public string Channel(string code) => Name(channels, code);

    public string Priority(RequestPriority priority) => Name(priorities, priority.ToString());

    /// <summary>Channels staff may pick for a new request, in the tenant's order.</summary>
    public IReadOnlyList<DictionaryEntry> OfferedChannels => Offered(channels);

    /// <summary>Priority levels on offer, plus <paramref name="current"/> so a form keeps showing what a record already has.</summary>
    public IReadOnlyList<RequestPriority> OfferedPriorities(RequestPriority? current = null) =>
        Enum.GetValues<RequestPriority>()
            .Where(p => p == current || priorities.GetValueOrDefault(p.ToString()) is not { IsRetired: true })
            .OrderBy(p => priorities.GetValueOrDefault(p.ToString())?.SortOrder ?? (int)p)
            .ToList();

    private static IReadOnlyList<DictionaryEntry> Offered(IReadOnlyDictionary<string, DictionaryEntry> entries) =>
        entries.Values.Where(e => !e.IsRetired).OrderBy(e => e.SortOrder).ToList();

    // An unknown code (an entry of a list that was never seeded, or data from an import) still reads as what it is.
    private static string Name(IReadOnlyDictionary<string, DictionaryEntry> entries, string code) =>
        entries.GetValueOrDefault(code)?.NameIn(CultureInfo.CurrentUICulture) ?? code;
}
