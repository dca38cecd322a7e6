namespace AfterSales.Modules.Visits;

public enum VisitSort
{
    Due,
    Created,
    Number,
    Recorded,
    Satisfaction,
}

/// <summary>The visits list's filter: pending (due first) or done, by satisfaction, sorted and paged on the server.</summary>
public sealed record VisitQuery(bool Pending, bool? Satisfied = null, int? Stars = null, VisitSort Sort = VisitSort.Due, bool Descending = false, int Skip = 0, int Take = 25);

/// <summary>One return visit with its request, as the list shows it.</summary>
public sealed record VisitRow(
    Guid Id, string Number, string Subject, string? CustomerName, string? ContactName, string? ContactPhone, string TypeName, int Attempt,
    DateTimeOffset CreatedAt, DateTimeOffset DueAt, ReturnVisitChannel? Channel, bool? Solved, bool? Overcharged, int? Satisfaction, bool? Satisfied,
    string? Comment, DateTimeOffset? RecordedAt, string? RecordedBy);

/// <param name="AverageSatisfaction">The mean rating over every visit the filter matches (done visits only).</param>
public sealed record VisitPage(IReadOnlyList<VisitRow> Items, int Total, double? AverageSatisfaction);
