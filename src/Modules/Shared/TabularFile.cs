using System.Globalization;
using System.Text;
using System.Text.Unicode;
using MiniExcelLibs;

namespace AfterSales.Modules.Shared;

/// <summary>
/// Reads an uploaded .csv or .xlsx into a header row and rows of text. CSV may be UTF-8 (with or without BOM) or
/// GBK, which is what Chinese Excel writes when it saves "CSV".
/// </summary>
public static class TabularFile
{
    private const int ReportEvery = 5_000;

    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Reads at most <paramref name="maxRows"/> + 1 data rows, so a caller can refuse a file that is too long without
    /// reading all of it. Blank rows are skipped.
    /// </summary>
    /// <returns>
    /// Header names, and the rows (line numbers as the user sees them in the file, header = 1) with one cell per header:
    /// trimmed, null when empty.
    /// </returns>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<(int Line, string?[] Cells)> Rows) Read(
        byte[] content, string fileName, int maxRows, IProgress<int>? rowsRead = null, CancellationToken cancellationToken = default)
    {
        var rows = new List<(int, string?[])>();
        var headers = fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase)
            ? ReadXlsx(content, rows, maxRows, rowsRead, cancellationToken)
            : ReadCsv(content, rows, maxRows, rowsRead, cancellationToken);
        rowsRead?.Report(rows.Count);
        return (headers, rows);
    }

    public static Encoding DetectEncoding(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return new UTF8Encoding(true);
        }

        return Utf8.IsValid(content) ? new UTF8Encoding(false) : Encoding.GetEncoding("GBK");
    }

    private static List<string> ReadCsv(byte[] content, List<(int, string?[])> rows, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        // The reader skips the encoding's BOM; the file is decoded as it is parsed, never held as one string.
        using var reader = new StreamReader(new MemoryStream(content, writable: false), DetectEncoding(content), detectEncodingFromByteOrderMarks: false);
        var headers = new List<string>();
        foreach (var (line, fields) in CsvRecords.Parse(reader))
        {
            if (headers.Count == 0)
            {
                headers.AddRange(fields.Select(h => h.Trim().TrimStart('\uFEFF')));
                continue;
            }

            var cells = new string?[headers.Count];
            for (var i = 0; i < cells.Length && i < fields.Count; i++)
            {
                cells[i] = Clean(fields[i]);
            }

            if (Add(rows, line, cells, maxRows, rowsRead, cancellationToken))
            {
                break;
            }
        }

        return headers;
    }

    private static List<string> ReadXlsx(byte[] content, List<(int, string?[])> rows, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(content, writable: false);
        var keys = new List<string>();
        var line = 1;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true))
        {
            line++;
            if (keys.Count == 0)
            {
                keys.AddRange(row.Keys);
            }

            var cells = new string?[keys.Count];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row.TryGetValue(keys[i], out var value) ? Clean(Text(value)) : null;
            }

            if (Add(rows, line, cells, maxRows, rowsRead, cancellationToken))
            {
                break;
            }
        }

        return keys.Select(k => k.Trim()).ToList();
    }

    /// <returns>True when the rows are more than <paramref name="maxRows"/> and reading can stop.</returns>
    private static bool Add(List<(int, string?[])> rows, int line, string?[] cells, int maxRows, IProgress<int>? rowsRead, CancellationToken cancellationToken)
    {
        if (Array.TrueForAll(cells, c => c is null))
        {
            return false;
        }

        rows.Add((line, cells));
        if (rows.Count % ReportEvery == 0)
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowsRead?.Report(rows.Count);
        }

        return rows.Count > maxRows;
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    // Excel hands dates over as dates and codes typed as numbers as numbers; the importer wants the text the user saw.
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
