namespace AfterSales.Modules.Shared;

/// <summary>Marker for the shared UI texts (Strings.resx, Strings.zh-CN.resx).</summary>
public sealed class Strings;
