namespace AfterSales.Modules.Workflow.Designer;

/// <summary>An arrow of the diagram.</summary>
/// <param name="Id">Unique per transition and source.</param>
/// <param name="Transition">Transition key; arrows of one transition select together.</param>
/// <param name="From">Source status key.</param>
/// <param name="To">Target status key.</param>
/// <param name="Label">Label in the reader's language.</param>
/// <param name="Automatic">Drawn dashed: only the system fires it.</param>
public sealed record DiagramEdge(string Id, string Transition, string From, string To, string Label, bool Automatic);
