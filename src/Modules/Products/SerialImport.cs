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
    /// <summary>Column names accepted in the header row, English or Chinese (the template uses the user's language).</summary>
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("Number", "Serial number", "序列号"),
        new("ModelCode", "Model code", "型号编码"),
        new("CustomerCode", "Customer code", "客户编号"),
        new("ProductionDate", "Production date", "生产日期"),
        new("Batch", "Batch", "生产批次"),
        new("Supplier", "Supplier", "供应商"),
        new("PurchaseDate", "Purchase date", "购买日期"),
        new("Salesperson", "Salesperson", "销售员"),
        new("WarrantyStart", "Warranty start", "保修开始"),
        new("WarrantyEnd", "Warranty end", "保修截止"),
    ];

    public async Task<ImportPreview<SerialInput>> CheckAsync(byte[] content, string fileName, CancellationToken cancellationToken = default)
    {
        var sheet = ImportSheet.Open(content, fileName, Columns, ["Number", "ModelCode"], out var fileError);
        if (sheet is null)
        {
            return new ImportPreview<SerialInput>(fileError!);
        }

        using var db = dbFactory.Create();
        var modelCodes = (await db.ProductModels.AsNoTracking().Select(m => m.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var owners = await customers.RefsByCodesAsync(sheet.Rows.Select(r => r.Cell("CustomerCode")).OfType<string>(), cancellationToken);
        var numbers = sheet.Rows.Select(r => SerialRegistry.Normalize(r.Cell("Number") ?? "")).Where(n => n.Length > 0).Distinct().ToList();
        var registered = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
        {
            registered.UnionWith(await db.SerialNumbers.AsNoTracking().Where(s => chunk.Contains(s.Number)).Select(s => s.Number).ToListAsync(cancellationToken));
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var reports = new List<ImportRowReport>(sheet.Rows.Count);
        var inputs = new List<SerialInput>(sheet.Rows.Count);
        foreach (var row in sheet.Rows)
        {
            var problems = new List<ImportProblem>();
            var number = SerialRegistry.Normalize(row.Cell("Number") ?? "");
            if (number.Length == 0)
            {
                problems.Add(new("Number", "Validation.SerialRequired"));
            }
            else if (!SerialRegistry.IsValidNumber(number))
            {
                problems.Add(new("Number", "Validation.SerialFormat"));
            }
            else if (!seen.Add(number))
            {
                problems.Add(new("Number", "Import.DuplicateInFile"));
            }
            else if (registered.Contains(number))
            {
                problems.Add(new("Number", "Validation.SerialTaken"));
            }

            var model = row.Cell("ModelCode");
            if (model is null)
            {
                problems.Add(new("ModelCode", "Validation.ModelRequired"));
            }
            else if (!modelCodes.Contains(model))
            {
                problems.Add(new("ModelCode", "Validation.ModelUnknown"));
            }

            var customer = row.Cell("CustomerCode");
            if (customer is not null && !owners.ContainsKey(customer))
            {
                problems.Add(new("CustomerCode", "Validation.CustomerUnknown"));
            }

            var input = new SerialInput
            {
                Number = number,
                ModelCode = model ?? "",
                CustomerCode = customer,
                ProductionDate = ImportSheet.Date(row, "ProductionDate", problems),
                Batch = row.Cell("Batch"),
                Supplier = row.Cell("Supplier"),
                PurchaseDate = ImportSheet.Date(row, "PurchaseDate", problems),
                Salesperson = row.Cell("Salesperson"),
                WarrantyStart = ImportSheet.Date(row, "WarrantyStart", problems),
                WarrantyEnd = ImportSheet.Date(row, "WarrantyEnd", problems),
            };
            if (input.ProductionDate is { } produced && input.PurchaseDate is { } bought && bought < produced)
            {
                problems.Add(new("PurchaseDate", "Validation.PurchaseBeforeProduction"));
            }

            if (input.WarrantyStart is { } start && input.WarrantyEnd is { } end && end < start)
            {
                problems.Add(new("WarrantyEnd", "Validation.WarrantyEndBeforeStart"));
            }

            reports.Add(new ImportRowReport(row.Line, number, problems));
            inputs.Add(input);
        }

        return new ImportPreview<SerialInput>(reports, inputs);
    }

    /// <summary>Registers every row of a clean preview in one transaction. A preview with any bad row commits nothing.</summary>
    /// <returns>The number of units registered.</returns>
    public async Task<int> CommitAsync(ImportPreview<SerialInput> preview, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException("Only a preview without problems can be committed.");
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
