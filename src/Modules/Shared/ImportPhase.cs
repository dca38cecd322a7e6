namespace AfterSales.Modules.Shared;

/// <summary>Where an import is: the file coming in, its rows being read, checked, or saved.</summary>
public enum ImportPhase
{
    Uploading = 0,
    Reading = 1,
    Checking = 2,
    Saving = 3,
}
