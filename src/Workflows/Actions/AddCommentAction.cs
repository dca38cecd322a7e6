namespace AfterSales.Workflows.Actions;

/// <summary>Adds a comment to the request's timeline.</summary>
public sealed record AddCommentAction : WorkflowAction
{
    /// <summary>Fixed text.</summary>
    public Definitions.LocalizedText? Text { get; init; }

    /// <summary>Takes the text from this transition form field instead.</summary>
    public string? FromFormField { get; init; }

    /// <summary>Whether the customer sees it in the portal.</summary>
    public bool IsPublic { get; init; }
}
