namespace AfterSales.Modules.Dispatch;

/// <summary>A choice of a drop-down: its text in the reader's language and its value.</summary>
public sealed record Option<T>(string Text, T Value);
