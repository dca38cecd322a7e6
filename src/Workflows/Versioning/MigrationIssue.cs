namespace AfterSales.Workflows.Versioning;

/// <summary>Why a migration plan cannot run.</summary>
/// <param name="Code">Stable code: <c>notPublished</c>, <c>otherWorkflow</c>, <c>unmappedStatus</c>, <c>unknownSourceStatus</c>, <c>unknownTargetStatus</c>.</param>
/// <param name="Message">Text for the administrator.</param>
/// <param name="StatusKey">The status concerned, if any.</param>
public sealed record MigrationIssue(string Code, WorkflowMessage Message, string? StatusKey);
