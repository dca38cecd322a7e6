using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Customers;

/// <summary>Imports customers (with one contact each) from .csv or .xlsx: all rows checked, all or none saved.</summary>
public sealed class CustomerImport(IDbFactory<ICustomersDb> dbFactory, ImportWriter writer, TimeProvider clock)
{
    public static readonly IReadOnlyList<ImportColumn> Columns =
    [
        new("Code", "Customer code", "客户编号"),
        new("Name", "Name", "客户名称"),
        new("Kind", "Kind", "类型"),
        new("Level", "Level", "等级"),
        new("Region", "Region", "区域"),
        new("Phone", "Phone", "电话"),
        new("Email", "E-mail", "邮箱"),
        new("Address", "Address", "地址"),
        new("Tags", "Tags", "标签"),
        new("ContactName", "Contact", "联系人"),
        new("ContactPhone", "Contact phone", "联系人电话"),
        new("Birthday", "Birthday", "生日"),
    ];

    public async Task<ImportPreview<CustomerInput>> CheckAsync(
        byte[] content, string fileName, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var sheet = ImportSheet.Open(content, fileName, Columns, ["Code", "Name"], progress, cancellationToken, out var fileError);
        if (sheet is null)
        {
            return new ImportPreview<CustomerInput>(fileError!);
        }

        using var db = dbFactory.Create();
        var existing = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return await sheet.CheckAsync(LookUpAsync, Check, progress, cancellationToken);

        async Task LookUpAsync(IReadOnlyList<ImportSheetRow> chunk, CancellationToken ct)
        {
            var codes = chunk.Select(r => r.Cell("Code")).OfType<string>().Distinct().ToList();
            existing.UnionWith(await db.Customers.AsNoTracking().Where(c => codes.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct));
        }

        (string, CustomerInput) Check(ImportSheetRow row, List<ImportProblem> problems)
        {
            var input = new CustomerInput
            {
                Code = row.Cell("Code") ?? "",
                Name = row.Cell("Name") ?? "",
                Kind = Kind(row.Cell("Kind"), problems),
                Level = row.Cell("Level"),
                Region = row.Cell("Region"),
                Phone = row.Cell("Phone"),
                Email = row.Cell("Email"),
                Address = row.Cell("Address"),
                Tags = row.Cell("Tags"),
                Birthday = ImportSheet.Date(row, "Birthday", problems),
            };
            if (row.Cell("ContactName") is { } contact)
            {
                input.Contacts.Add(new CustomerInput.ContactInput { Name = contact, Phone = row.Cell("ContactPhone") });
            }
            else if (row.Cell("ContactPhone") is not null)
            {
                problems.Add(new("ContactName", "Validation.ContactNameRequired"));
            }

            foreach (var (field, keys) in CustomerRules.Validate(input))
            {
                // Rules name contact fields Contacts[0].X; the file has one contact in its own columns.
                var column = field switch
                {
                    "Contacts[0].Phone" => "ContactPhone",
                    "Contacts[0].Name" => "ContactName",
                    "Contacts[0].Email" => "ContactName",
                    _ => field,
                };
                problems.AddRange(keys.Select(k => new ImportProblem(column, k)));
            }

            var code = input.Code.Trim();
            if (code.Length > 0 && !seen.Add(code))
            {
                problems.Add(new("Code", "Import.DuplicateInFile"));
            }
            else if (existing.Contains(code))
            {
                problems.Add(new("Code", "Validation.CodeTaken"));
            }

            return (code, input);
        }
    }

    /// <summary>Saves every row of a clean preview in one transaction. A preview with any bad row commits nothing.</summary>
    /// <returns>The number of customers saved.</returns>
    /// <exception cref="DbUpdateException">A code was taken meanwhile (unique index); nothing is kept.</exception>
    public async Task<int> CommitAsync(ImportPreview<CustomerInput> preview, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var now = clock.GetUtcNow();
        return await writer.WriteAsync(db, preview, nameof(Customer), now, input =>
        {
            var customer = new Customer { CreatedAt = now };
            input.ApplyTo(customer);
            // Adds the contact with it; a code taken by someone else since the check fails the unique index and nothing is kept.
            db.Customers.Add(customer);
        }, progress, cancellationToken);
    }

    private static CustomerKind Kind(string? text, List<ImportProblem> problems) => text switch
    {
        null or "企业" or "公司" => CustomerKind.Company,
        "个人" => CustomerKind.Individual,
        _ when Enum.TryParse<CustomerKind>(text, ignoreCase: true, out var kind) => kind,
        _ => Invalid(problems),
    };

    private static CustomerKind Invalid(List<ImportProblem> problems)
    {
        problems.Add(new("Kind", "Validation.Kind"));
        return CustomerKind.Company;
    }
}
