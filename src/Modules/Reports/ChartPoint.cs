namespace AfterSales.Modules.Reports;

/// <summary>One point of a chart series: Radzen charts read a category and a value property.</summary>
public sealed record ChartPoint(string Label, double Value);
