using System.Globalization;

namespace AfterSales.Modules.Shared;

/// <summary>A column an import understands: its field, and the header it may carry in English or Chinese.</summary>
public sealed record ImportColumn(string Field, string English, string Chinese)
{
    public string Header(CultureInfo culture) => culture.Name.StartsWith("zh", StringComparison.Ordinal) ? Chinese : English;
}

/// <summary>An uploaded file read against an import's columns: rows whose cells are found by field.</summary>
public sealed class ImportSheet
{
    public const int MaxRows = 100_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    private ImportSheet(IReadOnlyList<ImportSheetRow> rows) => Rows = rows;

    public IReadOnlyList<ImportSheetRow> Rows { get; }

    /// <summary>Reads the file; on failure returns null and a text key in <paramref name="fileError"/>.</summary>
    public static ImportSheet? Open(byte[] content, string fileName, IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> requiredFields, out string? fileError)
    {
        fileError = null;
        if (!TabularFile.IsSupported(fileName))
        {
            fileError = "Import.FileType";
            return null;
        }

        IReadOnlyList<string> headers;
        IReadOnlyList<(int Line, IReadOnlyDictionary<string, string?> Cells)> rows;
        try
        {
            (headers, rows) = TabularFile.Read(content, fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            fileError = "Import.Unreadable";
            return null;
        }

        var headerOf = columns.ToDictionary(c => c.Field, c => headers.FirstOrDefault(h =>
            h.Equals(c.English, StringComparison.OrdinalIgnoreCase) || h == c.Chinese || h.Equals(c.Field, StringComparison.OrdinalIgnoreCase)));
        if (requiredFields.Any(f => headerOf[f] is null))
        {
            fileError = "Import.MissingColumns";
            return null;
        }

        if (rows.Count > MaxRows)
        {
            fileError = "Import.TooManyRows";
            return null;
        }

        return new ImportSheet(rows.Select(r => new ImportSheetRow(r.Line, field =>
            headerOf.TryGetValue(field, out var header) && header is not null && r.Cells.TryGetValue(header, out var value) && !string.IsNullOrWhiteSpace(value)
                ? value.Trim()
                : null)).ToList());
    }

    /// <summary>A date as users type them (2026-01-31, 2026/1/31, 20260131); a bad one adds a problem and gives null.</summary>
    public static DateOnly? Date(ImportSheetRow row, string field, List<ImportProblem> problems)
    {
        var text = row.Cell(field);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text.Split(' ')[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        problems.Add(new ImportProblem(field, "Import.BadDate"));
        return null;
    }
}

/// <summary>One data row: its line in the file and its non-empty, trimmed cells by field.</summary>
public sealed record ImportSheetRow(int Line, Func<string, string?> Cell);
