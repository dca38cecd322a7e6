using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Forms;

/// <summary>
/// A list condition on a custom field: texts contain <see cref="Value"/>; numbers and dates lie between <see cref="Value"/> and
/// <see cref="To"/> (either may be open); anything else (choices, yes/no, references) equals <see cref="Value"/>.
/// </summary>
public sealed record FieldFilter(string Key, FieldKind Kind, string? Value, string? To = null)
{
    public bool IsEmpty => string.IsNullOrWhiteSpace(Value) && string.IsNullOrWhiteSpace(To);

    /// <summary>
    /// Reads a filter as a URL carries it: a value, or <c>from~to</c> for numbers and dates (either side may be empty; a single
    /// number or date means exactly that one).
    /// </summary>
    public static FieldFilter Parse(FieldDefinition field, string? text)
    {
        if (field.IsNumeric || field.IsDate)
        {
            return text?.IndexOf('~') is >= 0 and var at
                ? new FieldFilter(field.Key, field.Kind, text[..at], text[(at + 1)..])
                : new FieldFilter(field.Key, field.Kind, text, text);
        }

        return new FieldFilter(field.Key, field.Kind, text);
    }

    /// <summary>The <c>cf.{key}</c> parameters of a URL naming one of <paramref name="fields"/>, as filters (others are left to the caller).</summary>
    public static IReadOnlyList<FieldFilter> FromQuery(Microsoft.AspNetCore.Http.IQueryCollection query, IReadOnlyDictionary<string, FieldDefinition> fields) =>
        query.Where(q => q.Key.StartsWith(UrlPrefix, StringComparison.Ordinal) && fields.ContainsKey(q.Key[UrlPrefix.Length..]))
            .Select(q => Parse(fields[q.Key[UrlPrefix.Length..]], q.Value.ToString()))
            .Where(f => !f.IsEmpty)
            .ToList();

    /// <summary>The URL parameter prefix of custom-field filters: <c>cf.floor_no=10~20</c>.</summary>
    public const string UrlPrefix = "cf.";

    /// <summary>The filter as a URL parameter, <c>&amp;cf.key=value</c>, or nothing when it filters nothing.</summary>
    public string ToQuery() => IsEmpty ? "" : $"&{UrlPrefix}{Key}={Uri.EscapeDataString(ToText())}";

    /// <summary>The filter as a URL carries it (see <see cref="Parse"/>).</summary>
    public string ToText() => To is null || To == Value ? Value ?? "" : $"{Value}~{To}";
}

/// <summary>Orders a list by a custom field.</summary>
public sealed record FieldSort(string Key, FieldKind Kind, bool Descending);

/// <summary>Custom-field conditions and orderings over any record list, as indexed EXISTS and scalar subqueries.</summary>
public static class FieldQueries
{
    /// <summary>The values that meet <paramref name="filter"/> (a record meets it when one of its values does).</summary>
    public static IQueryable<CustomFieldValue> Matching(IQueryable<CustomFieldValue> values, FieldFilter filter)
    {
        var key = filter.Key;
        values = values.Where(v => v.FieldKey == key);
        var from = filter.Value?.Trim();
        var to = filter.To?.Trim();
        switch (filter.Kind)
        {
            case FieldKind.Text or FieldKind.MultiLineText:
                var pattern = Shared.SearchPattern.Containing(from ?? "");
                return values.Where(v => EF.Functions.Like(v.Text ?? v.Term, pattern, Shared.SearchPattern.Escape));
            case FieldKind.Number or FieldKind.Money or FieldKind.Rating:
                if (double.TryParse(from, NumberStyles.Number, CultureInfo.InvariantCulture, out var min))
                {
                    values = values.Where(v => v.Number >= min);
                }

                if (double.TryParse(to, NumberStyles.Number, CultureInfo.InvariantCulture, out var max))
                {
                    values = values.Where(v => v.Number <= max);
                }

                return values;
            case FieldKind.Date or FieldKind.DateTime:
                // Canonical dates sort as text, so a range is a string comparison on the indexed term; "to" covers its whole day.
                if (!string.IsNullOrEmpty(from))
                {
                    values = values.Where(v => string.Compare(v.Term, from) >= 0);
                }

                if (!string.IsNullOrEmpty(to))
                {
                    var end = to.Length == FieldValues.DateFormat.Length ? to + "T99" : to;
                    values = values.Where(v => string.Compare(v.Term, end) <= 0);
                }

                return values;
            case FieldKind.Customer or FieldKind.SerialNumber:
                var upper = from?.ToUpperInvariant() ?? "";
                return values.Where(v => v.Term == upper);
            default:
                return values.Where(v => v.Term == from);
        }
    }

    /// <summary>Keeps the records that meet every filter.</summary>
    public static IQueryable<T> WhereFields<T>(
        this IQueryable<T> records, IQueryable<CustomFieldValue> values, IEnumerable<FieldFilter>? filters, Expression<Func<T, Guid>> id)
    {
        foreach (var filter in filters?.Where(f => !f.IsEmpty) ?? [])
        {
            var matching = Matching(values, filter);
            records = records.Where(Exists(matching, id));
        }

        return records;
    }

    /// <summary>Orders records by a field's first value: numbers by number, anything else by its canonical text.</summary>
    public static IOrderedQueryable<T> OrderByField<T>(this IQueryable<T> records, IQueryable<CustomFieldValue> values, FieldSort sort, Expression<Func<T, Guid>> id)
    {
        var key = sort.Key;
        var first = values.Where(v => v.FieldKey == key && v.Position == 0);
        var record = id.Parameters[0];
        var owned = Expression.Lambda<Func<CustomFieldValue, bool>>(
            Expression.Equal(Expression.Property(ValueParameter, nameof(CustomFieldValue.OwnerId)), id.Body), ValueParameter);
        var ofRecord = Expression.Call(typeof(Queryable), nameof(Queryable.Where), [typeof(CustomFieldValue)], first.Expression, Expression.Quote(owned));
        var value = sort.Kind is FieldKind.Number or FieldKind.Money or FieldKind.Rating
            ? Select<double?>(ofRecord, v => v.Number)
            : Select<string?>(ofRecord, v => v.Term);
        // Records without a value go last either way, as people expect of a sorted list.
        var missing = Expression.Lambda<Func<T, int>>(
            Expression.Condition(Expression.Equal(value, Expression.Constant(null, value.Type)), Expression.Constant(1), Expression.Constant(0)), record);
        var withValuesFirst = records.OrderBy(missing);
        return value.Type == typeof(double?)
            ? Then(withValuesFirst, Expression.Lambda<Func<T, double?>>(value, record), sort.Descending)
            : Then(withValuesFirst, Expression.Lambda<Func<T, string?>>(value, record), sort.Descending);
    }

    private static IOrderedQueryable<T> Then<T, TKey>(IOrderedQueryable<T> records, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? records.ThenByDescending(key) : records.ThenBy(key);

    private static readonly ParameterExpression ValueParameter = Expression.Parameter(typeof(CustomFieldValue), "v");

    private static Expression<Func<T, bool>> Exists<T>(IQueryable<CustomFieldValue> matching, Expression<Func<T, Guid>> id)
    {
        var owned = Expression.Lambda<Func<CustomFieldValue, bool>>(
            Expression.Equal(Expression.Property(ValueParameter, nameof(CustomFieldValue.OwnerId)), id.Body), ValueParameter);
        var any = Expression.Call(typeof(Queryable), nameof(Queryable.Any), [typeof(CustomFieldValue)], matching.Expression, Expression.Quote(owned));
        return Expression.Lambda<Func<T, bool>>(any, id.Parameters[0]);
    }

    private static Expression Select<TResult>(Expression values, Expression<Func<CustomFieldValue, TResult>> selector)
    {
        var selected = Expression.Call(typeof(Queryable), nameof(Queryable.Select), [typeof(CustomFieldValue), typeof(TResult)], values, Expression.Quote(selector));
        return Expression.Call(typeof(Queryable), nameof(Queryable.FirstOrDefault), [typeof(TResult)], selected);
    }
}
