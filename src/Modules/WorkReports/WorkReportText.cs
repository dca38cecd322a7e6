namespace AfterSales.Modules.WorkReports;

/// <summary>The texts of work reports, verification and the service report (WorkReportText.tsv → .resx).</summary>
public sealed class WorkReportText;
