namespace AfterSales.Workflows.Sla;

/// <summary>A period an SLA clock stood still; <see cref="To"/> is null while it still does.</summary>
/// <param name="From">When the pause began.</param>
/// <param name="To">When it ended.</param>
public sealed record SlaPause(DateTimeOffset From, DateTimeOffset? To = null);
