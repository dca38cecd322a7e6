namespace AfterSales.Modules.Shared;

/// <summary>A problem of one row of an import: which column, and a text key saying what is wrong.</summary>
public sealed record ImportProblem(string Field, string Key);

/// <summary>One row as checked: its line in the file, the record it names, and what is wrong with it.</summary>
public sealed record ImportRowReport(int Line, string Key, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// The check of an import file. Only a preview without problems can be committed, and it commits all its rows
/// or none: a half-imported file is worse than none.
/// </summary>
public sealed class ImportPreview<TInput>
{
    public ImportPreview(string fileError)
    {
        FileError = fileError;
    }

    public ImportPreview(string fileName, IReadOnlyList<ImportRowReport> rows, IReadOnlyList<TInput> inputs)
    {
        FileName = fileName;
        Rows = rows;
        Inputs = inputs;
        // Counted and ordered once: the page shows them on every render and pages through 100,000 rows.
        var bad = rows.Where(r => r.Problems.Count > 0).ToList();
        Bad = bad.Count;
        BadFirst = [.. bad, .. rows.Where(r => r.Problems.Count == 0)];
    }

    public string FileName { get; } = "";

    public IReadOnlyList<ImportRowReport> Rows { get; } = [];

    /// <summary>The rows as the preview lists them: those with problems first, each group in file order.</summary>
    public IReadOnlyList<ImportRowReport> BadFirst { get; } = [];

    /// <summary>A text key when the file as a whole cannot be used (type, columns, size).</summary>
    public string? FileError { get; }

    public IReadOnlyList<TInput> Inputs { get; } = [];

    /// <summary>Rows with at least one problem.</summary>
    public int Bad { get; }

    public int Valid => Rows.Count - Bad;

    public bool CanCommit => FileError is null && Rows.Count > 0 && Bad == 0;
}
