namespace AfterSales.Modules.Shared;

/// <summary>One data row: its line in the file and its non-empty, trimmed cells by field.</summary>
public sealed class ImportSheetRow
{
    // Cells by column position, fields to positions shared by all rows: 100,000 rows must not cost 100,000 dictionaries.
    private readonly string?[] _cells;
    private readonly IReadOnlyDictionary<string, int> _indexOf;

    internal ImportSheetRow(int line, string?[] cells, IReadOnlyDictionary<string, int> indexOf)
    {
        Line = line;
        _cells = cells;
        _indexOf = indexOf;
    }

    public int Line { get; }

    /// <summary>The cell of <paramref name="field"/>, trimmed; null when empty or when the file has no such column.</summary>
    public string? Cell(string field) => _indexOf.TryGetValue(field, out var index) && index < _cells.Length ? _cells[index] : null;
}
