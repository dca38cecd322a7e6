using AfterSales.Modules.Customers;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>
/// Imports serial numbers from a .csv or .xlsx file: every row is checked first and reported with its reasons;
/// the import commits all rows in one transaction or none.
/// </summary>
public sealed class SerialImport(IDbFactory<IProductsDb> dbFactory, CustomerDirectory customers, ImportWriter writer, TimeProvider clock, AfterSales.Modules.Billing.SubscriptionBook plan)
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

    public async Task<ImportPreview<SerialInput>> CheckAsync(
        byte[] content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sheet = ImportSheet.Open(content, fileName, Columns, ["Number", "ModelCode"], progress, cancellationToken, out var fileError);
        if (sheet is null)
        {
            return new ImportPreview<SerialInput>(fileError!);
        }

        using var db = dbFactory.Create();
        var modelCodes = (await db.ProductModels.AsNoTracking().Select(m => m.Code).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var registered = new HashSet<string>(StringComparer.Ordinal);
        var askedOwners = new HashSet<string>(StringComparer.Ordinal);
        var owners = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var preview = await sheet.CheckAsync(LookUpAsync, Check, progress, cancellationToken);
        // The whole file counts against the plan: a file that would pass the limit is refused before anything is saved.
        return preview.Rows.Count > 0 && await plan.RefusalAsync(AfterSales.Modules.Billing.PlanLimit.SerialNumbers, preview.Rows.Count, cancellationToken) is { } refusal
            ? new ImportPreview<SerialInput>(refusal)
            : preview;

        async Task LookUpAsync(IReadOnlyList<ImportSheetRow> chunk, CancellationToken ct)
        {
            var numbers = chunk.Select(r => SerialRegistry.Normalize(r.Cell("Number") ?? "")).Where(n => n.Length > 0).Distinct().ToList();
            registered.UnionWith(await db.SerialNumbers.AsNoTracking().Where(s => numbers.Contains(s.Number)).Select(s => s.Number).ToListAsync(ct));
            // Files repeat the same few customers: each code is asked for once per file.
            var codes = chunk.Select(r => r.Cell("CustomerCode")).OfType<string>().Where(askedOwners.Add).ToList();
            if (codes.Count > 0)
            {
                owners.UnionWith((await customers.RefsByCodesAsync(codes, ct)).Keys);
            }
        }

        (string, SerialInput) Check(ImportSheetRow row, List<ImportProblem> problems)
        {
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
            if (customer is not null && !owners.Contains(customer))
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

            return (number, input);
        }
    }

    /// <summary>Registers every row of a clean preview in one transaction. A preview with any bad row commits nothing.</summary>
    /// <returns>The number of units registered.</returns>
    /// <exception cref="DbUpdateException">A number was registered meanwhile (unique index); nothing is kept.</exception>
    /// <exception cref="ImportConflictException">A model or customer of the file is gone; nothing is kept.</exception>
    public async Task<int> CommitAsync(ImportPreview<SerialInput> preview, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (!preview.CanCommit)
        {
            throw new InvalidOperationException("Only a preview without problems can be committed.");
        }

        using var db = dbFactory.Create();
        var models = await db.ProductModels.AsNoTracking().ToDictionaryAsync(m => m.Code, StringComparer.Ordinal, cancellationToken);
        var owners = await customers.RefsByCodesAsync(preview.Inputs.Select(i => i.CustomerCode).OfType<string>(), cancellationToken);
        if (preview.Inputs.Any(i => !models.ContainsKey(i.ModelCode) || (i.CustomerCode is { } code && !owners.ContainsKey(code))))
        {
            throw new ImportConflictException();
        }

        var now = clock.GetUtcNow();
        return await writer.WriteAsync(db, preview, nameof(SerialNumber), now, input =>
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
            // A number registered by someone else since the check fails the unique index; the transaction then keeps nothing.
            db.SerialNumbers.Add(unit);
        }, progress, cancellationToken);
    }
}
