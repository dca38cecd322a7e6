using System.Globalization;
using System.Text;
using MiniExcelLibs;

namespace AfterSales.Modules.Shared;

/// <summary>
/// Reads an uploaded .csv or .xlsx into rows of text keyed by header. CSV may be UTF-8 (with or without BOM) or
/// GBK, which is what Chinese Excel writes when it saves "CSV".
/// </summary>
public static class TabularFile
{
    static TabularFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsSupported(string fileName) =>
        fileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) || fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase);

    /// <returns>Header names and the rows (line numbers as the user sees them in the file, header = 1).</returns>
    public static (IReadOnlyList<string> Headers, IReadOnlyList<(int Line, IReadOnlyDictionary<string, string?> Cells)> Rows) Read(byte[] content, string fileName)
    {
        return fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) ? ReadXlsx(content) : ReadCsv(content);
    }

    public static Encoding DetectEncoding(byte[] content)
    {
        if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
        {
            return new UTF8Encoding(true);
        }

        try
        {
            _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(content);
            return new UTF8Encoding(false);
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding("GBK");
        }
    }

    private static (IReadOnlyList<string>, IReadOnlyList<(int, IReadOnlyDictionary<string, string?>)>) ReadCsv(byte[] content)
    {
        var encoding = DetectEncoding(content);
        var text = encoding.GetString(content);
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }

        var records = CsvRecords.Parse(text).ToList();
        var rows = new List<(int, IReadOnlyDictionary<string, string?>)>();
        if (records.Count == 0)
        {
            return ([], rows);
        }

        var headers = records[0].Fields.Select(h => h.Trim()).ToList();
        foreach (var (line, fields) in records.Skip(1))
        {
            var cells = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < headers.Count; i++)
            {
                cells[headers[i]] = i < fields.Count ? fields[i].Trim() : null;
            }

            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                rows.Add((line, cells));
            }
        }

        return (headers, rows);
    }

    private static (IReadOnlyList<string>, IReadOnlyList<(int, IReadOnlyDictionary<string, string?>)>) ReadXlsx(byte[] content)
    {
        using var stream = new MemoryStream(content);
        var rows = new List<(int, IReadOnlyDictionary<string, string?>)>();
        var headers = new List<string>();
        var line = 1;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: true))
        {
            line++;
            if (headers.Count == 0)
            {
                headers.AddRange(row.Keys.Select(k => k.Trim()));
            }

            var cells = row.ToDictionary(c => c.Key.Trim(), c => Text(c.Value), StringComparer.OrdinalIgnoreCase);
            if (cells.Values.Any(v => !string.IsNullOrWhiteSpace(v)))
            {
                rows.Add((line, cells));
            }
        }

        return (headers, rows);
    }

    // Excel hands dates over as dates and codes typed as numbers as numbers; the importer wants the text the user saw.
    private static string? Text(object? value) => value switch
    {
        null => null,
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double number => number.ToString(CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim(),
    };
}
