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

    public ImportPreview(IReadOnlyList<ImportRowReport> rows, IReadOnlyList<TInput> inputs)
    {
        Rows = rows;
        Inputs = inputs;
    }

    public IReadOnlyList<ImportRowReport> Rows { get; } = [];

    /// <summary>A text key when the file as a whole cannot be used (type, columns, size).</summary>
    public string? FileError { get; }

    public IReadOnlyList<TInput> Inputs { get; } = [];

    public int Valid => Rows.Count(r => r.Problems.Count == 0);

    public bool CanCommit => FileError is null && Rows.Count > 0 && Rows.All(r => r.Problems.Count == 0);
}
