using System.Linq.Expressions;
using AfterSales.Modules.Products;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// A condition the database checks on a unit's in-service date (warranty start, else purchase date) before the care planner reads
/// it: only units whose maintenance visit or first consumable replacement can fall in today's planning window pass. It may let
/// through units that turn out to have nothing (it is widened by a few days where month ends shorten a date), never the reverse,
/// so the planner still decides every reminder itself. Units with a replacement on record count from that instead and are read
/// apart; units it keeps out that still have pending reminders are read as the planner's stranded ones. Reading only these units
/// is what keeps a daily scan of a million units within its time (docs/benchmarks.md, care reminders scan).
/// </summary>
public static class CareReach
{
    /// <summary>More ranges than this (a monthly plan over decades, a model with many consumables) and the rule reads every unit.</summary>
    public const int MaxRanges = 40;

    // AddMonths clamps to the month's last day, so a date taken back and forth by months can move up to three days.
    private const int MonthEndSlack = 3;

    /// <summary>
    /// The units the rules can want something of on <paramref name="today"/>, given the earliest in-service date of the tenant's units;
    /// null when a rule cannot be narrowed and every unit must be read.
    /// </summary>
    public static Expression<Func<SerialNumber, bool>>? Filter(IReadOnlyList<ReminderRule> rules, IReadOnlyList<ModelConsumable> consumables, DateOnly today,
        DateOnly? earliestInService)
    {
        if (earliestInService is not { } earliest)
        {
            return null;
        }

        var unit = Expression.Parameter(typeof(SerialNumber), "s");
        Expression? any = null;
        foreach (var rule in rules)
        {
            var offsets = rule.Offsets;
            if (offsets.Count == 0)
            {
                continue;
            }

            var from = today.AddDays(-ReminderSchedule.CatchUpDays);
            var until = today.AddDays(ReminderSchedule.HorizonDays + offsets.Max());
            Expression? reach;
            if (rule.Kind == ReminderKind.MaintenancePlan)
            {
                if (rule.IntervalMonths is not { } interval || VisitStarts(interval, from, until, earliest) is not { } ranges)
                {
                    return null;
                }

                reach = Between(unit, ranges);
            }
            else
            {
                // Never replaced, a consumable is due its lifetime after the unit went into service.
                var terms = consumables.Where(c => c.LifetimeDays > 0 && (rule.ProductModelIds.Count == 0 || rule.ProductModelIds.Contains(c.ProductModelId)))
                    .GroupBy(c => (c.ProductModelId, c.LifetimeDays)).Select(g => g.Key).ToList();
                if (terms.Count > MaxRanges)
                {
                    return null;
                }

                reach = terms.Select(t => (Expression)Expression.AndAlso(ModelIs(unit, t.ProductModelId),
                        Between(unit, [(from.AddDays(-t.LifetimeDays - 1), until.AddDays(-t.LifetimeDays + 1))])))
                    .Aggregate((Expression?)null, (all, term) => all is null ? term : Expression.OrElse(all, term));
            }

            if (reach is null)
            {
                continue;
            }

            if (rule.ProductModelIds.Count > 0)
            {
                reach = Expression.AndAlso(ModelIn(unit, rule.ProductModelIds), reach);
            }

            any = any is null ? reach : Expression.OrElse(any, reach);
        }

        return Expression.Lambda<Func<SerialNumber, bool>>(any ?? Expression.Constant(false), unit);
    }

    /// <summary>
    /// The in-service dates from which a plan every <paramref name="intervalMonths"/> months has a visit between <paramref name="from"/>
    /// and <paramref name="until"/>, as merged ranges back to <paramref name="earliest"/>; null when there would be too many.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, DateOnly Until)>? VisitStarts(int intervalMonths, DateOnly from, DateOnly until, DateOnly earliest)
    {
        if (intervalMonths < CareSchedule.MinIntervalMonths)
        {
            return [];
        }

        var ranges = new List<(DateOnly From, DateOnly Until)>();
        for (var months = intervalMonths; ; months += intervalMonths)
        {
            if (from.Year - (months / 12) <= DateOnly.MinValue.Year + 1)
            {
                break;
            }

            var start = from.AddMonths(-months).AddDays(-MonthEndSlack);
            var end = until.AddMonths(-months).AddDays(MonthEndSlack);
            if (end < earliest)
            {
                break;
            }

            if (ranges.Count > 0 && end >= ranges[^1].From.AddDays(-1))
            {
                ranges[^1] = (start, ranges[^1].Until);
            }
            else if (ranges.Count == MaxRanges)
            {
                return null;
            }
            else
            {
                ranges.Add((start, end));
            }
        }

        return ranges;
    }

    // The in-service date within any of the ranges; each bound a parameter, so the query's text depends on the number of ranges only.
    private static Expression Between(ParameterExpression unit, IReadOnlyList<(DateOnly From, DateOnly Until)> ranges)
    {
        var inService = Expression.Coalesce(Expression.Property(unit, nameof(SerialNumber.WarrantyStart)), Expression.Property(unit, nameof(SerialNumber.PurchaseDate)));
        Expression any = Expression.Constant(false);
        foreach (var range in ranges)
        {
            var bounds = Expression.Constant(new Bounds(range.From, range.Until));
            var within = Expression.AndAlso(
                Expression.GreaterThanOrEqual(inService, Expression.Convert(Expression.Field(bounds, nameof(Bounds.From)), typeof(DateOnly?))),
                Expression.LessThanOrEqual(inService, Expression.Convert(Expression.Field(bounds, nameof(Bounds.Until)), typeof(DateOnly?))));
            any = any is ConstantExpression ? within : Expression.OrElse(any, within);
        }

        return any;
    }

    private static Expression ModelIs(ParameterExpression unit, Guid modelId) =>
        Expression.Equal(Expression.Property(unit, nameof(SerialNumber.ProductModelId)), Expression.Field(Expression.Constant(new ModelParameter(modelId)), nameof(ModelParameter.Id)));

    private static Expression ModelIn(ParameterExpression unit, List<Guid> modelIds) =>
        Expression.Call(Expression.Field(Expression.Constant(new ModelsParameter(modelIds)), nameof(ModelsParameter.Ids)), typeof(List<Guid>).GetMethod(nameof(List<Guid>.Contains))!,
            Expression.Property(unit, nameof(SerialNumber.ProductModelId)));

    // Holders EF Core reads as query parameters, as it does a lambda's captured variables.
    private sealed class Bounds(DateOnly from, DateOnly until)
    {
        public readonly DateOnly From = from;
        public readonly DateOnly Until = until;
    }

    private sealed class ModelParameter(Guid id)
    {
        public readonly Guid Id = id;
    }

    private sealed class ModelsParameter(List<Guid> ids)
    {
        public readonly List<Guid> Ids = ids;
    }
}
