namespace AfterSales.Workflows.Definitions;

/// <summary>How a workflow variable's text value is read by conditions.</summary>
public enum VariableType
{
    /// <summary>Text as is.</summary>
    String,

    /// <summary>An invariant-culture number.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An ISO 8601 date or instant.</summary>
    Date,
}
