namespace AfterSales.Benchmarks;

/// <summary>
/// The datasets (by <see cref="Dataset.Name"/>) a benchmark class reads, so that a run generates only those its filter selects:
/// the serial datasets take two minutes to generate and the request datasets several, which a run of one class should not wait for.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class UsesDatasetsAttribute(params string[] names) : Attribute
{
    public IReadOnlyList<string> Names { get; } = names;
}
