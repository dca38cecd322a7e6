namespace AfterSales.Modules.Dispatch;

/// <summary>The texts of the assignment rules page (DispatchText.tsv → .resx).</summary>
public sealed class DispatchText;
