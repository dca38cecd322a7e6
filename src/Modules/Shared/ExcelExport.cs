using System.Data;
using MiniExcelLibs;
using Microsoft.AspNetCore.Http;

namespace AfterSales.Modules.Shared;

/// <summary>Writes a list as an .xlsx download: one header row in the user's language, one row per item.</summary>
public static class ExcelExport
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>An import template: the columns' headers in the user's language and one example row.</summary>
    public static Task<IResult> TemplateAsync(IReadOnlyList<ImportColumn> columns, string[] example, string fileName, CancellationToken cancellationToken) =>
        FileAsync([example], columns.Select((c, i) => (c.Header(System.Globalization.CultureInfo.CurrentUICulture), (Func<string[], object?>)(row => row[i]))).ToList(),
            fileName, cancellationToken);

    public static async Task<IResult> FileAsync<T>(
        IEnumerable<T> rows, IReadOnlyList<(string Header, Func<T, object?> Value)> columns, string fileName, CancellationToken cancellationToken)
    {
        // A table (rather than a list of dictionaries) keeps the header row even when nothing matches the filter.
        using var table = new DataTable("Sheet1");
        foreach (var (header, _) in columns)
        {
            table.Columns.Add(header, typeof(object));
        }

        foreach (var row in rows)
        {
            table.Rows.Add(columns.Select(c => c.Value(row) switch
            {
                DateOnly date => date.ToString("yyyy-MM-dd"),
                DateTimeOffset at => at.ToString("yyyy-MM-dd HH:mm"),
                null => DBNull.Value,
                var other => other,
            }).ToArray());
        }

        var stream = new MemoryStream();
        await stream.SaveAsAsync(table, cancellationToken: cancellationToken);
        stream.Position = 0;
        return Results.File(stream, ContentType, $"{fileName}-{DateTime.UtcNow:yyyyMMdd}.xlsx");
    }
}
