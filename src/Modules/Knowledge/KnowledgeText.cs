namespace AfterSales.Modules.Knowledge;

/// <summary>The texts of the knowledge base (KnowledgeText.tsv → .resx).</summary>
public sealed class KnowledgeText;
