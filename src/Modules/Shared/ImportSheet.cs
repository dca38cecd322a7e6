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

    /// <summary>Rows checked per round of database lookups: one query per chunk, never one per row, and well under every provider's parameter limit.</summary>
    public const int ChunkSize = 1_000;

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    private ImportSheet(string fileName, IReadOnlyList<ImportSheetRow> rows)
    {
        FileName = fileName;
        Rows = rows;
    }

    public string FileName { get; }

    public IReadOnlyList<ImportSheetRow> Rows { get; }

    /// <summary>Reads the file; on failure returns null and a text key in <paramref name="fileError"/>.</summary>
    public static ImportSheet? Open(
        byte[] content, string fileName, IReadOnlyList<ImportColumn> columns, IReadOnlyList<string> requiredFields,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken, out string? fileError)
    {
        fileError = null;
        if (!TabularFile.IsSupported(fileName))
        {
            fileError = "Import.FileType";
            return null;
        }

        IReadOnlyList<string> headers;
        IReadOnlyList<(int Line, string?[] Cells)> rows;
        try
        {
            var rowsRead = progress is null ? null : new RowsRead(progress);
            (headers, rows) = TabularFile.Read(content, fileName, MaxRows, rowsRead, cancellationToken);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or InvalidOperationException or System.Xml.XmlException)
        {
            fileError = "Import.Unreadable";
            return null;
        }

        var indexOf = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            for (var i = 0; i < headers.Count && !indexOf.ContainsKey(column.Field); i++)
            {
                var header = headers[i];
                if (header.Equals(column.English, StringComparison.OrdinalIgnoreCase) || header == column.Chinese || header.Equals(column.Field, StringComparison.OrdinalIgnoreCase))
                {
                    indexOf[column.Field] = i;
                }
            }
        }

        if (requiredFields.Any(f => !indexOf.ContainsKey(f)))
        {
            fileError = "Import.MissingColumns";
            return null;
        }

        if (rows.Count > MaxRows)
        {
            fileError = "Import.TooManyRows";
            return null;
        }

        return new ImportSheet(fileName, rows.Select(r => new ImportSheetRow(r.Line, r.Cells, indexOf)).ToList());
    }

    /// <summary>
    /// Checks every row, a chunk at a time: first <paramref name="lookUp"/> fetches what the chunk's rows refer to
    /// (registered numbers, known codes), then <paramref name="check"/> checks each row and adds its problems.
    /// </summary>
    public async Task<ImportPreview<TInput>> CheckAsync<TInput>(
        Func<IReadOnlyList<ImportSheetRow>, CancellationToken, Task> lookUp,
        Func<ImportSheetRow, List<ImportProblem>, (string Key, TInput Input)> check,
        IProgress<ImportProgress>? progress,
        CancellationToken cancellationToken)
    {
        var reports = new List<ImportRowReport>(Rows.Count);
        var inputs = new List<TInput>(Rows.Count);
        progress?.Report(new ImportProgress(ImportPhase.Checking, 0, Rows.Count));
        foreach (var chunk in Rows.Chunk(ChunkSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            await lookUp(chunk, cancellationToken);
            foreach (var row in chunk)
            {
                var problems = new List<ImportProblem>();
                var (key, input) = check(row, problems);
                reports.Add(new ImportRowReport(row.Line, key, problems.Count == 0 ? [] : problems));
                inputs.Add(input);
            }

            progress?.Report(new ImportProgress(ImportPhase.Checking, reports.Count, Rows.Count));
        }

        return new ImportPreview<TInput>(FileName, reports, inputs);
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

    private sealed class RowsRead(IProgress<ImportProgress> progress) : IProgress<int>
    {
        public void Report(int value) => progress.Report(new ImportProgress(ImportPhase.Reading, value, 0));
    }
}
