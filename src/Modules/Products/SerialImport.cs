using System.Globalization;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>
/// Imports serial numbers from a .csv or .xlsx file: every row is checked first and reported with its reasons;
/// the import commits all rows in one transaction or none.
/// </summary>
public sealed class SerialImport(IDbFactory<IProductsDb> dbFactory, CustomerDirectory customers, TimeProvider clock)
{
    public const int MaxRows = 100_000;

    /// <summary>Column names accepted in the header row, English or Chinese (the template uses the user's language).</summary>
    public static readonly IReadOnlyList<(string Field, string English, string Chinese)> Columns =
    [
        ("Number", "Serial number", "序列号"),
        ("ModelCode", "Model code", "型号编码"),
        ("CustomerCode", "Customer code", "客户编号"),
        ("ProductionDate", "Production date", "生产日期"),
        ("Batch", "Batch", "生产批次"),
        ("Supplier", "Supplier", "供应商"),
        ("PurchaseDate", "Purchase date", "购买日期"),
        ("Salesperson", "Salesperson", "销售员"),
        ("WarrantyStart", "Warranty start", "保修开始"),
        ("WarrantyEnd", "Warranty end", "保修截止"),
    ];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d", "yyyy.M.d", "yyyyMMdd"];

    public sealed record RowError(string Field, string Key);

    public sealed record PreviewRow(int Line, string Number, IReadOnlyList<RowError> Errors);

    public sealed record Preview(IReadOnlyList<PreviewRow> Rows, string? FileError)
    {
        public int Valid => Rows.Count(r => r.Errors.Count == 0);
        public bool CanCommit => FileError is null && Rows.Count > 0 && Rows.All(r => r.Errors.Count == 0);

        internal IReadOnlyList<SerialInput> Inputs { get; init; } = [];
    }

    public async Task<Preview> CheckAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        if (!TabularFile.IsSupported(fileName))
        {
            return new Preview([], "Import.FileType");
        }

        IReadOnlyList<string> headers;
        IReadOnlyList<(int Line, IReadOnlyDictionary<string, string?> Cells)> rows;
        try
        {
            (headers, rows) = TabularFile.Read(content, fileName);
        }
        catch (Exception ex) when (ex is InvalidDataException or FormatException or IOException or InvalidOperationException)
        {
            return new Preview([], "Import.Unreadable");
        }

        var columnOf = Columns.ToDictionary(c => c.Field, c => headers.FirstOrDefault(h =>
            h.Equals(c.English, StringComparison.OrdinalIgnoreCase) || h == c.Chinese || h.Equals(c.Field, StringComparison.OrdinalIgnoreCase)));
        if (columnOf["Number"] is null || columnOf["ModelCode"] is null)
        {
            return new Preview([], "Import.MissingColumns");
        }

        if (rows.Count > MaxRows)
        {
            return new Preview([], "Import.TooManyRows");
        }

        string? Cell(IReadOnlyDictionary<string, string?> cells, string field) =>
            columnOf[field] is { } header && cells.TryGetValue(header, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        using var db = dbFactory.Create();
        var models = await db.ProductModels.AsNoTracking().Select(m => m.Code).ToListAsync(cancellationToken);
        var modelCodes = models.ToHashSet(StringComparer.Ordinal);
        var owners = await customers.RefsByCodesAsync(rows.Select(r => Cell(r.Cells, "CustomerCode")).OfType<string>(), cancellationToken);
        var numbers = rows.Select(r => SerialRegistry.Normalize(Cell(r.Cells, "Number") ?? "")).Where(n => n.Length > 0).Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            registered.UnionWith(await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Number)).Select(s => s.Number).ToListAsync(cancellationToken));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var preview = new List<PreviewRow>(rows.Count);
        var inputs = new List<SerialInput>(rows.Count);
        foreach (var (line, cells) in rows)
        {
            var errors = new List<RowError>();
            var number = SerialRegistry.Normalize(Cell(cells, "Number") ?? "");
            if (number.Length == 0)
            {
                errors.Add(new("Number", "Validation.SerialRequired"));
            }
            else if (!SerialRegistry.IsValidNumber(number))
            {
                errors.Add(new("Number", "Validation.SerialFormat"));
            }
            else if (!seen.Add(number))
            {
                errors.Add(new("Number", "Import.DuplicateInFile"));
            }
            else if (registered.Contains(number))
            {
                errors.Add(new("Number", "Validation.SerialTaken"));
            }

            var model = Cell(cells, "ModelCode");
            if (model is null)
            {
                errors.Add(new("ModelCode", "Validation.ModelRequired"));
            }
            else if (!modelCodes.Contains(model))
            {
                errors.Add(new("ModelCode", "Validation.ModelUnknown"));
            }

            var customer = Cell(cells, "CustomerCode");
            if (customer is not null && !owners.ContainsKey(customer))
            {
                errors.Add(new("CustomerCode", "Validation.CustomerUnknown"));
            }

            DateOnly? Date(string field)
            {
                var text = Cell(cells, field);
                if (text is null)
                {
                    return null;
                }

                if (DateOnly.TryParseExact(text.Split(' ')[0], DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date;
                }

                errors.Add(new(field, "Import.BadDate"));
                return null;
            }

            var input = new SerialInput
            {
                Number = number,
                ModelCode = model ?? "",
                CustomerCode = customer,
                ProductionDate = Date("ProductionDate"),
                Batch = Cell(cells, "Batch"),
                Supplier = Cell(cells, "Supplier"),
                PurchaseDate = Date("PurchaseDate"),
                Salesperson = Cell(cells, "Salesperson"),
                WarrantyStart = Date("WarrantyStart"),
                WarrantyEnd = Date("WarrantyEnd"),
            };
            if (input.ProductionDate is { } produced && input.PurchaseDate is { } bought && bought < produced)
            {
                errors.Add(new("PurchaseDate", "Validation.PurchaseBeforeProduction"));
            }

            if (input.WarrantyStart is { } start && input.WarrantyEnd is { } end && end < start)
            {
                errors.Add(new("WarrantyEnd", "Validation.WarrantyEndBeforeStart"));
            }

            preview.Add(new PreviewRow(line, number, errors));
            inputs.Add(input);
        }

        return new Preview(preview, null) { Inputs = inputs };
    }

    /// <summary>Registers every row of a clean preview in one transaction. A preview with any bad row commits nothing.</summary>
    /// <returns>The number of units registered.</returns>
    public async Task<int> CommitAsync(Preview preview, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException("Only a preview without errors can be committed.");
        }

        using var db = dbFactory.Create();
        var models = await db.ProductModels.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);
        var owners = await customers.RefsByCodesAsync(preview.Inputs.Select(i => i.CustomerCode).OfType<string>(), cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var input in preview.Inputs)
        {
            var model = models[input.ModelCode];
            var unit = new SerialNumber
            {
                Number = input.Number,
                ProductModelId = model.Id,
                CustomerId = input.CustomerCode is { } code ? owners[code].Id : null,
                ProductionDate = input.ProductionDate,
                Batch = input.Batch,
                Supplier = input.Supplier,
                PurchaseDate = input.PurchaseDate,
                Salesperson = input.Salesperson,
                CreatedAt = now,
            };
            unit.ApplyWarranty(model.DefaultWarrantyMonths, input.WarrantyStart, input.WarrantyEnd);
            db.SerialNumbers.Add(unit);
        }

        // One SaveChanges is one transaction: a unit registered by someone else meanwhile fails the unique index and nothing is kept.
        await db.SaveChangesAsync(cancellationToken);
        return preview.Inputs.Count;
    }
}
