namespace AfterSales.Workflows.Validation;

/// <summary>Everything wrong with a definition; empty when it may be published.</summary>
/// <param name="Errors">The issues, in the order found.</param>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Errors)
{
    /// <summary>Whether the definition may be published.</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Whether an issue with <paramref name="code"/> points at <paramref name="elementKey"/>.</summary>
    public bool Has(string code, string? elementKey = null) =>
        Errors.Any(e => e.Code == code && (elementKey is null || e.ElementKey == elementKey));

    /// <inheritdoc />
    public override string ToString() => IsValid ? "valid" : string.Join(Environment.NewLine, Errors.Select(e => $"{e.Code} [{e.Element} {e.ElementKey}]: {e.Message.En}"));
}
