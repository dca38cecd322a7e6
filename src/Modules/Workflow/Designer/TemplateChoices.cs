namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The notification templates the tenant has, cascaded by the page to the notify actions so they offer a list instead of a blank
/// box; without it (previews, tests) the template key is typed.
/// </summary>
/// <param name="Templates">Key and a readable label of each template.</param>
public sealed record TemplateChoices(IReadOnlyList<Choice<string>> Templates);
