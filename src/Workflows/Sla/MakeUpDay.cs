namespace AfterSales.Workflows.Sla;

/// <summary>
/// A normally free day declared a working day (调休), e.g. the Saturday before a Chinese national holiday; it takes
/// the hours of <paramref name="WorksAs"/>.
/// </summary>
/// <param name="Date">The local date.</param>
/// <param name="WorksAs">The weekday whose hours apply.</param>
public sealed record MakeUpDay(DateOnly Date, DayOfWeek WorksAs = DayOfWeek.Monday);
