namespace AfterSales.Modules.Service;

/// <summary>The texts of the service feature (ServiceText.tsv → .resx).</summary>
public sealed class ServiceText;
