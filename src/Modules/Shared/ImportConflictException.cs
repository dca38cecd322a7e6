namespace AfterSales.Modules.Shared;

/// <summary>The database no longer matches what the check saw (a model or customer named by the file is gone); nothing was saved.</summary>
public sealed class ImportConflictException : Exception
{
    public ImportConflictException()
        : base("The data changed since the file was checked; check it again.")
    {
    }

    public ImportConflictException(string message)
        : base(message)
    {
    }

    public ImportConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
