namespace AfterSales.Modules.Administration;

/// <summary>Marker for the administration feature's texts (AdminText.resx, AdminText.zh-CN.resx).</summary>
public sealed class AdminText;
