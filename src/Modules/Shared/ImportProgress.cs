namespace AfterSales.Modules.Shared;

/// <summary>
/// How far an import is: bytes while uploading, rows otherwise. <paramref name="Total"/> is 0 while unknown
/// (rows are counted as they are read).
/// </summary>
public sealed record ImportProgress(ImportPhase Phase, long Done, long Total);
