namespace AfterSales.Workflows.Serialization;

/// <summary>Why an imported document is not a definition, and where.</summary>
/// <param name="Path">JSON path, e.g. <c>$.transitions[2].actions[0]</c>.</param>
/// <param name="Line">1-based line, when known.</param>
/// <param name="Message">What is wrong.</param>
public sealed record ImportError(string Path, long? Line, string Message);
