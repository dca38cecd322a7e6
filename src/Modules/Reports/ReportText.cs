namespace AfterSales.Modules.Reports;

/// <summary>The texts of reports, dashboards and KPI alerts (ReportText.tsv → .resx).</summary>
public sealed class ReportText;
